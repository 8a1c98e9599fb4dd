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
 * @param message     a sentence for the user, including why nothing was found
 */
public record SolveResult(boolean found, double value, double low, double high, double atLow, double atHigh,
                          int iterations, double achieved, String message) {
}
