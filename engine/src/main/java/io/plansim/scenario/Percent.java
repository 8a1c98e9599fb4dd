package io.plansim.scenario;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Figures stated in percent (unit {@code %}: base values, history rows, share targets). The usual slip is the
 * other way round from the drivers, which are fractions and say "write 0.9 for 90%": a share written as a
 * fraction, 0.7967 for 79.67%. Where a share below 1% is not credible, such a figure is refused with the
 * number to write instead. Growth rates in % are not checked: 0.5% growth is an ordinary figure.
 */
public final class Percent {
    /**
     * Shares in % no region states below 1: the resident urbanization rate, the secondary and tertiary shares of
     * GDP. The primary share is not among them (a city's can be 0.1%); the three shares are checked by their sum.
     */
    public static final Set<String> NEVER_BELOW_ONE = Set.of("urbanization_rate", "secondary_share", "tertiary_share");

    private Percent() {
    }

    /** Whether {@code value}, stated in %, looks like a fraction: strictly between 0 and 1. */
    public static boolean looksLikeFraction(double value) {
        return value > 0 && value < 1;
    }

    /** "shares are in percent: write 79.67 for 0.7967", the drivers' hint the other way round. */
    public static String writeAsPercent(double fraction) {
        return "shares are in percent: write " + BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString()
                + " for " + plain(fraction);
    }

    /** A figure as its shortest decimal, as a user wrote it: 0.7967, -1700 (not -1700.0). */
    public static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
