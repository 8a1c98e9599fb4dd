package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code drivers:} section: time paths by group ({@code production}, {@code trade}, ...), each within
 * its driver's range; drivers not given take their defaults.
 */
final class DriversReader {
    private final FieldReader r;
    private final PathReader paths;
    private final int baseYear;
    private final int horizon;

    DriversReader(FieldReader reader, PathReader paths, int baseYear, int horizon) {
        this.r = reader;
        this.paths = paths;
        this.baseYear = baseYear;
        this.horizon = horizon;
    }

    Map<Driver, PathSpec> drivers(JsonNode node) {
        Map<Driver, PathSpec> out = new EnumMap<>(Driver.class);
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                r.problem("/drivers", FieldReader.describe(node), "a mapping of driver groups: " + String.join(", ", Driver.groups()));
            } else {
                r.checkKeys("/drivers", node, Driver.groups());
                for (Iterator<Map.Entry<String, JsonNode>> g = node.fields(); g.hasNext(); ) {
                    Map.Entry<String, JsonNode> group = g.next();
                    if (!Driver.groups().contains(group.getKey())) {
                        continue;
                    }
                    String gp = "/drivers/" + group.getKey();
                    List<String> names = java.util.Arrays.stream(Driver.values())
                            .filter(d -> d.group().equals(group.getKey())).map(Driver::driverName).toList();
                    if (!group.getValue().isObject()) {
                        r.problem(gp, FieldReader.describe(group.getValue()), "a mapping of drivers: " + String.join(", ", names));
                        continue;
                    }
                    r.checkKeys(gp, group.getValue(), names);
                    for (Iterator<Map.Entry<String, JsonNode>> d = group.getValue().fields(); d.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = d.next();
                        Driver.byPath(group.getKey() + "." + e.getKey()).ifPresent(driver -> {
                            PathSpec spec = paths.pathSpec(gp + "/" + e.getKey(), e.getValue(), driver.scalar());
                            if (spec != null && paths.checkBounds(gp + "/" + e.getKey(), spec, driver.kind(), driver.min(), driver.max())) {
                                out.put(driver, spec);
                            }
                        });
                    }
                }
            }
        }
        for (Driver d : Driver.values()) {
            out.putIfAbsent(d, new PathSpec.Constant(d.defaultValue()));
        }
        if (baseYear > 0 && horizon > baseYear) {
            double[] primary = new double[horizon - baseYear + 1];
            double[] secondary = new double[primary.length];
            out.get(Driver.PRIMARY_LONG_RUN).fill(primary, baseYear);
            out.get(Driver.SECONDARY_LONG_RUN).fill(secondary, baseYear);
            for (int t = 0; t < primary.length; t++) {
                if (primary[t] + secondary[t] > 1) {
                    r.problem("/drivers/structure", "long-run primary + secondary shares of " + (primary[t] + secondary[t])
                            + " in " + (baseYear + t), "at most 1 (the tertiary share is the rest)");
                    break;
                }
            }
        }
        return out;
    }
}
