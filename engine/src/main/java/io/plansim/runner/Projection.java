package io.plansim.runner;

import io.plansim.model.VariableInfo;
import java.util.List;

/**
 * One projected path: for each output variable, one value per year (base year first). The values are
 * owned by this record; callers must not modify them.
 */
public record Projection(String scenario, String name, int[] years, List<VariableInfo> variables, double[][] values) {

    public int indexOf(String id) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The series of a variable id; throws if the projection has no such variable. */
    public double[] series(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no variable " + id + " in projection of " + scenario);
        }
        return values[i];
    }

    public double value(String id, int year) {
        return series(id)[year - years[0]];
    }
}
