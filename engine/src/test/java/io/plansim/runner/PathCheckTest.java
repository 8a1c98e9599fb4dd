package io.plansim.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plansim.TestScenarios;
import io.plansim.compile.CompiledScenario;
import io.plansim.kernel.ProjectionKernel;
import org.junit.jupiter.api.Test;

/** The path check flags exactly the invalid values, wherever they sit, and names the first. */
class PathCheckTest {
    private final CompiledScenario c = TestScenarios.compile("test/minimal");
    private final PathCheck check = new PathCheck(c);
    private final int n = c.years();

    private double[] central() {
        double[] out = new double[c.rows() * n];
        ProjectionKernel.project(c, c.params(), c.shocks(), out);
        return out;
    }

    private int output(String id) {
        for (int i = 0; i < c.outputs().size(); i++) {
            if (c.outputs().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private int check(String id, int t, double value) {
        double[] out = central();
        out[c.outputRow(output(id)) * n + t] = value;
        return check.firstFault(out);
    }

    @Test
    void flagsEveryInvalidValueAndOnlyThose() {
        assertEquals(-1, check.firstFault(central()));
        int last = n - 1;
        for (String level : new String[] {"gdp_nominal", "population", "fai"}) { // core rows and a satellite
            int at = output(level) * n;
            for (int t : new int[] {0, 5, last}) {
                assertEquals(at + t, check(level, t, Double.NaN), level + " NaN");
                assertEquals(at + t, check(level, t, Double.POSITIVE_INFINITY), level + " +inf");
                assertEquals(at + t, check(level, t, Double.NEGATIVE_INFINITY), level + " -inf");
                assertEquals(at + t, check(level, t, -1e-300), level + " negative");
                assertEquals(-1, check(level, t, 0.0), level + " zero");
                assertEquals(-1, check(level, t, -0.0), level + " negative zero");
                assertEquals(-1, check(level, t, Double.MAX_VALUE), level + " largest");
            }
        }
        int growth = output("gdp_real_growth") * n;
        assertEquals(-1, check("gdp_real_growth", 3, -7.5), "a negative growth rate is valid");
        assertEquals(-1, check("gdp_real_growth", 3, -Double.MAX_VALUE), "any finite rate is valid");
        assertEquals(growth + 3, check("gdp_real_growth", 3, Double.NEGATIVE_INFINITY));
        assertEquals(growth + 3, check("gdp_real_growth", 3, Double.NaN));
        assertEquals(-1, check("ga_tfp", 0, Double.NaN), "a growth-accounting contribution has no base-year value");
        assertEquals(output("ga_tfp") * n + 1, check("ga_tfp", 1, Double.NaN));
    }

    @Test
    void namesTheFirstOfSeveralFaults() {
        double[] out = central();
        int late = c.outputRow(output("co2")) * n + 4;
        int early = c.outputRow(output("gdp_real")) * n + 9;
        out[late] = Double.NaN;
        out[early] = -3;
        assertEquals(Math.min(output("co2") * n + 4, output("gdp_real") * n + 9), check.firstFault(out));
    }
}
