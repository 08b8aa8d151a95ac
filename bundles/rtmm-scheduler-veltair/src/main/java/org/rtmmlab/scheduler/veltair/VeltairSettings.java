package org.rtmmlab.scheduler.veltair;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;

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
        int min = (int) integer(p, MIN_BLOCK, DEFAULTS.minBlockLayers, 1, Integer.MAX_VALUE);
        int max = (int) integer(p, MAX_BLOCK, DEFAULTS.maxBlockLayers, min, Integer.MAX_VALUE);
        int block = (int) integer(p, BLOCK_LAYERS, Math.max(min, Math.min(max, DEFAULTS.blockLayers)), min, max);
        int window = (int) integer(p, WINDOW, DEFAULTS.window, 1, Integer.MAX_VALUE);
        double high = number(p, HIGH, DEFAULTS.conflictHigh, Double.MIN_VALUE, 1);
        double low = number(p, LOW, DEFAULTS.conflictLow, 0, 1);
        if (low >= high) {
            throw new InvalidInputException(VeltairPolicy.ID, LOW, "must be below " + HIGH + " (" + high + "), got "
                    + low);
        }
        return new VeltairSettings(block, min, max, window, high, low);
    }

    private static long integer(Map<String, String> p, String key, long fallback, long min, long max) {
        String v = p.get(key);
        if (v == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(VeltairPolicy.ID, key, "not an integer: '" + v + "'");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(VeltairPolicy.ID, key, "must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    private static double number(Map<String, String> p, String key, double fallback, double min, double max) {
        String v = p.get(key);
        if (v == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(VeltairPolicy.ID, key, "not a number: '" + v + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidInputException(VeltairPolicy.ID, key, "must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
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
