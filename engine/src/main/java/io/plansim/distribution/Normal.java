package io.plansim.distribution;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Normal(mean, sd). */
public record Normal(double mean, double sd) implements Distribution {
    public Normal {
        Distribution.require(Double.isFinite(mean), "normal mean must be finite: " + mean);
        Distribution.require(sd > 0 && Double.isFinite(sd), "normal sd must be positive: " + sd);
    }

    public static Normal of(double mean, double sd) {
        return new Normal(mean, sd);
    }

    @Override
    public double inverseCdf(double u) {
        return mean + sd * StandardNormal.inverseCdf(u);
    }

    @Override
    public String describe() {
        return "normal(" + mean + ", " + sd + ")";
    }

    /**
     * The standard normal: its inverse CDF by Wichura's algorithm AS 241 (PPND16; Applied Statistics 37(3), 1988,
     * 477-484; the coefficients as in R's src/nmath/qnorm.c), its CDF from Commons Math. AS 241 is accurate to about
     * 1 part in 10^16 and needs no logarithm for 0.075 <= u <= 0.925 (85% of the draws); Commons Math's
     * {@code inverseCumulativeProbability} goes through {@code Erf.erfInv}, a logarithm for every draw, and was 8% of
     * a Monte Carlo path's CPU (JFR, docs/PERFORMANCE.md "Session 6"). {@code NormalTest} checks the two agree.
     */
    static final class StandardNormal {
        private static final NormalDistribution N = new NormalDistribution(null, 0, 1);

        static double inverseCdf(double u) {
            if (!(u > 0 && u < 1)) {
                if (u == 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                if (u == 1) {
                    return Double.POSITIVE_INFINITY;
                }
                throw new IllegalArgumentException("a probability in [0, 1] is needed, got " + u);
            }
            double q = u - 0.5;
            if (Math.abs(q) <= 0.425) {
                double r = 0.180625 - q * q;
                return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                        + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                        + 133.14166789178437745) * r + 3.387132872796366608)
                        / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r
                        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                        + 42.313330701600911252) * r + 1);
            }
            double r = Math.sqrt(-Math.log(q < 0 ? u : 1 - u));
            double x;
            if (r <= 5) {
                r -= 1.6;
                x = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                        + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                        + 4.6303378461565452959) * r + 1.42343711074968357734)
                        / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                        + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                        + 2.05319162663775882187) * r + 1);
            } else {
                r -= 5;
                x = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                        + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                        + 5.4637849111641143699) * r + 6.6579046435011037772)
                        / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                        + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                        + 0.59983220655588793769) * r + 1);
            }
            return q < 0 ? -x : x;
        }

        static double cdf(double x) {
            return N.cumulativeProbability(x);
        }

        private StandardNormal() {
        }
    }
}
