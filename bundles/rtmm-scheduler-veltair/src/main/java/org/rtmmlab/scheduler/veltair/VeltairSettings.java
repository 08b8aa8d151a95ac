package org.rtmmlab.scheduler.veltair;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

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

    /** Built-in defaults (guessed, see the README). */
    static final VeltairSettings DEFAULTS = new VeltairSettings(4, 1, 32, 32, 0.3, 0.05);

    /**
     * The declarations of VELTAIR's properties, with the built-in defaults. The cross-key rules (blockLayers in
     * [minBlockLayers, maxBlockLayers], conflictLow &lt; conflictHigh, conflictHigh &gt; 0) are checked in
     * {@link #read}.
     */
    static final List<PropertySpec> SPECS = List.of(
            PropertySpec.integer(BLOCK_LAYERS, DEFAULTS.blockLayers, 1, Integer.MAX_VALUE,
                    "initial layers per block, in [minBlockLayers, maxBlockLayers] (unset: the default clamped to them)"),
            PropertySpec.integer(MIN_BLOCK, DEFAULTS.minBlockLayers, 1, Integer.MAX_VALUE, "smallest adapted block"),
            PropertySpec.integer(MAX_BLOCK, DEFAULTS.maxBlockLayers, 1, Integer.MAX_VALUE,
                    "largest adapted block, >= minBlockLayers"),
            PropertySpec.integer(WINDOW, DEFAULTS.window, 1, Integer.MAX_VALUE,
                    "decision points with ready blocks per adaptation step"),
            PropertySpec.number(HIGH, DEFAULTS.conflictHigh, 0, 1, "conflict rate above which blocks double, > 0"),
            PropertySpec.number(LOW, DEFAULTS.conflictLow, 0, 1,
                    "conflict rate below which blocks halve, < conflictHigh"));

    /** @return settings from {@code defaults} overridden by {@code run} @throws InvalidInputException on a bad value */
    static VeltairSettings read(Map<String, String> defaults, Map<String, String> run) {
        PropertyReader p = PropertyReader.of(VeltairPolicy.ID, SPECS, defaults, run);
        int min = p.intValue(MIN_BLOCK);
        int max = p.intValue(MAX_BLOCK);
        if (max < min) {
            throw new InvalidInputException(VeltairPolicy.ID, MAX_BLOCK, "must be >= " + MIN_BLOCK + " (" + min
                    + "), got " + max);
        }
        int block = p.intValue(BLOCK_LAYERS);
        if (defaults.containsKey(BLOCK_LAYERS) || run.containsKey(BLOCK_LAYERS)) {
            if (block < min || block > max) {
                throw new InvalidInputException(VeltairPolicy.ID, BLOCK_LAYERS, "must be in [" + min + ", " + max
                        + "] (" + MIN_BLOCK + ", " + MAX_BLOCK + "), got " + block);
            }
        } else {
            block = Math.max(min, Math.min(max, block));
        }
        double high = p.number(HIGH);
        if (high <= 0) {
            throw new InvalidInputException(VeltairPolicy.ID, HIGH, "must be > 0, got " + high);
        }
        double low = p.number(LOW);
        if (low >= high) {
            throw new InvalidInputException(VeltairPolicy.ID, LOW, "must be below " + HIGH + " (" + high + "), got "
                    + low);
        }
        return new VeltairSettings(block, min, max, p.intValue(WINDOW), high, low);
    }
}
