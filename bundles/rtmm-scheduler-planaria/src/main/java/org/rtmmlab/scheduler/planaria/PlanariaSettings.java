package org.rtmmlab.scheduler.planaria;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * Planaria's properties, read from the policy's defaults (ConfigAdmin) overridden by the run's properties.
 *
 * @param blockLayers layers per dispatched block, &gt;= 1 (allocation changes take effect at block boundaries;
 *                    Planaria re-tiles at tile boundaries, so the default is 1)
 * @param shareSpare  whether resources left after every task got its minimum are shared (by priority / remaining
 *                    time when all tasks fit, else by non-negative score; see {@link Allocation})
 */
record PlanariaSettings(int blockLayers, boolean shareSpare) {

    static final String BLOCK_LAYERS = "blockLayers";
    static final String SHARE_SPARE = "shareSpare";

    /** Built-in defaults. */
    static final PlanariaSettings DEFAULTS = new PlanariaSettings(1, true);

    /** The declarations of Planaria's properties, with the built-in defaults. */
    static final List<PropertySpec> SPECS = List.of(
            PropertySpec.integer(BLOCK_LAYERS, DEFAULTS.blockLayers, 1, Integer.MAX_VALUE,
                    "layers per block; allocations change at block boundaries"),
            PropertySpec.bool(SHARE_SPARE, DEFAULTS.shareSpare, "share unallocated partitions: by priority /"
                    + " remaining time when all fit, else by score"));

    /** @return settings from {@code defaults} overridden by {@code run} @throws InvalidInputException on a bad value */
    static PlanariaSettings read(Map<String, String> defaults, Map<String, String> run) {
        PropertyReader p = PropertyReader.of(PlanariaPolicy.ID, SPECS, defaults, run);
        return new PlanariaSettings(p.intValue(BLOCK_LAYERS), p.bool(SHARE_SPARE));
    }
}
