package org.rtmmlab.scheduler.veltair;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyValues;

/**
 * VELTAIR's properties, read from the policy's defaults (ConfigAdmin) overridden by the run's properties.
 *
 * @param blockLayers    initial layers per block, in [minBlockLayers, maxBlockLayers]
 * @param minBlockLayers smallest block the adaptation may choose, &gt;= 1
 * @param maxBlockLayers largest block the adaptation may choose
 * @param window         decision points (with at least one ready block) per adaptation step, &gt;= 1
 * @param conflictHigh   conflict rate above which the block size doubles, in (0, 1]
 * @param conflictLow    conflict rate below which the block size halves, in [0, conflictHigh)
 */
record VeltairSettings(int blockLayers, int minBlockLayers, int maxBlockLayers, int window, double conflictHigh,
                       double conflictLow) {

    static final String BLOCK_LAYERS = "blockLayers";
    static final String MIN_BLOCK = "minBlockLayers";
    static final String MAX_BLOCK = "maxBlockLayers";
    static final String WINDOW = "conflictWindow";
    static final String HIGH = "conflictHigh";
    static final String LOW = "conflictLow";
    static final String[] KEYS = {BLOCK_LAYERS, MIN_BLOCK, MAX_BLOCK, WINDOW, HIGH, LOW};

    /** Built-in defaults (guessed, see the README). */
    static final VeltairSettings DEFAULTS = new VeltairSettings(4, 1, 32, 32, 0.3, 0.05);

    /** @return settings from {@code defaults} overridden by {@code run} @throws InvalidInputException on a bad value */
    static VeltairSettings read(Map<String, String> defaults, Map<String, String> run) {
        Map<String, String> p = new TreeMap<>(defaults);
        p.putAll(run);
        int min = (int) PropertyValues.integer(VeltairPolicy.ID, p, MIN_BLOCK,
                DEFAULTS.minBlockLayers, 1, Integer.MAX_VALUE);
        int max = (int) PropertyValues.integer(VeltairPolicy.ID, p, MAX_BLOCK,
                DEFAULTS.maxBlockLayers, min, Integer.MAX_VALUE);
        int block = (int) PropertyValues.integer(VeltairPolicy.ID, p, BLOCK_LAYERS,
                Math.max(min, Math.min(max, DEFAULTS.blockLayers)), min, max);
        int window = (int) PropertyValues.integer(VeltairPolicy.ID, p, WINDOW, DEFAULTS.window, 1, Integer.MAX_VALUE);
        double high = PropertyValues.number(VeltairPolicy.ID, p, HIGH, DEFAULTS.conflictHigh, Double.MIN_VALUE, 1);
        double low = PropertyValues.number(VeltairPolicy.ID, p, LOW, DEFAULTS.conflictLow, 0, 1);
        if (low >= high) {
            throw new InvalidInputException(VeltairPolicy.ID, LOW, "must be below " + HIGH + " (" + high + "), got "
                    + low);
        }
        return new VeltairSettings(block, min, max, window, high, low);
    }



    /** @return the DS configuration values of VELTAIR's keys, as strings */
    static Map<String, String> fromConfig(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        for (String key : KEYS) {
            Object v = config == null ? null : config.get(key);
            if (v != null) {
                out.put(key, v.toString());
            }
        }
        return out;
    }
}
