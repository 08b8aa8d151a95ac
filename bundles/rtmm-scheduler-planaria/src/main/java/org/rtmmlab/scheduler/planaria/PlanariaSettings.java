package org.rtmmlab.scheduler.planaria;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;

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

    /** @return settings from {@code defaults} overridden by {@code run} @throws InvalidInputException on a bad value */
    static PlanariaSettings read(Map<String, String> defaults, Map<String, String> run) {
        Map<String, String> p = new TreeMap<>(defaults);
        p.putAll(run);
        String block = p.getOrDefault(BLOCK_LAYERS, "1").trim();
        int blockLayers;
        try {
            blockLayers = Integer.parseInt(block);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(PlanariaPolicy.ID, BLOCK_LAYERS, "not an integer: '" + block + "'");
        }
        if (blockLayers < 1) {
            throw new InvalidInputException(PlanariaPolicy.ID, BLOCK_LAYERS, "must be >= 1, got " + blockLayers);
        }
        String spare = p.getOrDefault(SHARE_SPARE, "true").trim();
        if (!spare.equals("true") && !spare.equals("false")) {
            throw new InvalidInputException(PlanariaPolicy.ID, SHARE_SPARE, "must be true or false, got '" + spare + "'");
        }
        return new PlanariaSettings(blockLayers, Boolean.parseBoolean(spare));
    }

    /** @return the DS configuration values of Planaria's keys, as strings */
    static Map<String, String> fromConfig(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        for (String key : new String[] {BLOCK_LAYERS, SHARE_SPARE}) {
            Object v = config == null ? null : config.get(key);
            if (v != null) {
                out.put(key, v.toString());
            }
        }
        return out;
    }
}
