package io.plansim.scenario;

import io.plansim.model.Basis;

/**
 * A further series carried beside the core model (express parcels, China-Europe trains, R&D share, ...),
 * so targets on it can be checked without new code.
 *
 * @param link    the core variable it moves with (growth and ratio modes), or null
 * @param primary trend (growth), ratio (ratio) or the path itself (path); null means the default
 * @param elasticity elasticity to the link's growth (growth mode only)
 */
public record Satellite(String id, String name, String nameZh, String unit, Basis basis, SatelliteMode mode,
                        String link, BaseValue base, PathSpec primary, PathSpec elasticity) {

    /** What the satellite's series is: id, names, unit and basis, as the model's variables describe theirs. */
    public io.plansim.model.VariableInfo info() {
        return new io.plansim.model.VariableInfo(id, name, nameZh, unit, basis);
    }
}
