package io.plansim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Ishigami function's analytic Sobol indices are recovered (a = 7, b = 0.1, inputs U(-pi, pi)). */
class SobolIndicesTest {
    @Test
    void ishigamiIndicesAreRecovered() {
        double a = 7, b = 0.1, pi = Math.PI;
        double v1 = 0.5 * Math.pow(1 + b * Math.pow(pi, 4) / 5, 2);
        double v2 = a * a / 8;
        double v13 = 8 * b * b * Math.pow(pi, 8) / 225;
        double v = v1 + v2 + v13; // = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
        assertEquals(a * a / 8 + b * Math.pow(pi, 4) / 5 + b * b * Math.pow(pi, 8) / 18 + 0.5, v, 1e-9);
        double[] first = {v1 / v, v2 / v, 0};
        double[] total = {(v1 + v13) / v, v2 / v, v13 / v};
        SobolIndices.Result r = SobolIndices.analyse(3, u -> {
            double x1 = -pi + 2 * pi * u[0];
            double x2 = -pi + 2 * pi * u[1];
            double x3 = -pi + 2 * pi * u[2];
            return Math.sin(x1) + a * Math.pow(Math.sin(x2), 2) + b * Math.pow(x3, 4) * Math.sin(x1);
        }, 1 << 15, 300, 1L);
        for (int i = 0; i < 3; i++) {
            assertEquals(first[i], r.first()[i], 0.02, "S" + (i + 1));
            assertEquals(total[i], r.total()[i], 0.02, "ST" + (i + 1));
            assertTrue(r.firstLow()[i] <= first[i] && first[i] <= r.firstHigh()[i],
                    "S" + (i + 1) + " " + first[i] + " in [" + r.firstLow()[i] + ", " + r.firstHigh()[i] + "]");
            assertTrue(r.totalLow()[i] <= total[i] && total[i] <= r.totalHigh()[i],
                    "ST" + (i + 1) + " " + total[i] + " in [" + r.totalLow()[i] + ", " + r.totalHigh()[i] + "]");
        }
    }
}
