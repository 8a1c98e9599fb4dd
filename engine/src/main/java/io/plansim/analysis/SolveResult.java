package io.plansim.analysis;

/**
 * What the required-driver solver found.
 *
 * @param found       whether a value in the bracket meets the target
 * @param value       the driver value (or shift) at which the target is just met, NaN if not found
 * @param low         lower end of the bracket searched
 * @param high        upper end of the bracket searched
 * @param atLow       the objective (outcome or probability) at the lower end
 * @param atHigh      the objective at the upper end
 * @param iterations  evaluations the root finder used
 * @param message     a sentence for the user, including why nothing was found (English)
 * @param outcome     what happened, for a table to word it in its own language
 * @param wanted      the outcome or probability the target needs (NaN where the search did not start)
 */
public record SolveResult(boolean found, double value, double low, double high, double atLow, double atHigh,
                          int iterations, double achieved, String message, Outcome outcome, double wanted) {

    /** What the search ended with. */
    public enum Outcome {
        /** A value in the bracket meets the target just. */
        FOUND,
        /** The lower end meets it exactly. */
        AT_LOWER_END,
        /** The model gives no number at an end of the bracket. */
        NO_NUMBER,
        /** Every value in the bracket meets the target: the driver does not bind it. */
        MET_EVERYWHERE,
        /** No value in the bracket meets it. */
        NEVER_MET,
        /** The root finder ran out of evaluations. */
        NOT_CONVERGED,
        /** The target cannot be solved for at all (the message says why). */
        NOT_SOLVABLE;

        /** The dictionary key's end: {@code met.everywhere}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        }
    }

    /** A search that could not start: {@code why} says why. */
    public static SolveResult notSolvable(double low, double high, String why) {
        return new SolveResult(false, Double.NaN, low, high, Double.NaN, Double.NaN, 0, Double.NaN, why, Outcome.NOT_SOLVABLE, Double.NaN);
    }

    /** A figure in a message, to 6 significant digits (4082.98, not 4082.975277715316). */
    public static String shown(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                : String.valueOf(v);
    }
}
