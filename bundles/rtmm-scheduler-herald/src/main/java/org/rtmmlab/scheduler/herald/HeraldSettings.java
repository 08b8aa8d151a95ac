package org.rtmmlab.scheduler.herald;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * Herald's properties, read from the policy's defaults (ConfigAdmin) overridden by the run's properties.
 *
 * @param objective   what the static map minimises per block: {@code edp} (latency x energy, Herald's objective),
 *                    {@code latency} or {@code energy}
 * @param blockLayers layers per mapped block, &gt;= 1 (1 = Herald's layer granularity)
 * @param balance     whether to move blocks to their second-best accelerator while the plan's objective improves
 * @param balanceAbove balancing runs only while the bottleneck's planned load exceeds this fraction of an
 *                    accelerator's capacity (busy ns per second / 1e9), &gt;= 0; 0 = always (Herald)
 */
record HeraldSettings(String objective, int blockLayers, boolean balance, double balanceAbove) {

    static final String OBJECTIVE = "objective";
    static final String BLOCK_LAYERS = "blockLayers";
    static final String BALANCE = "balance";
    static final String BALANCE_ABOVE = "balanceAbove";

    /** Built-in defaults. */
    static final HeraldSettings DEFAULTS = new HeraldSettings("edp", 1, true, 0);

    /** The declarations of Herald's properties, with the built-in defaults. */
    static final List<PropertySpec> SPECS = List.of(
            PropertySpec.choice(OBJECTIVE, DEFAULTS.objective, List.of("edp", "latency", "energy"),
                    "per-block cost minimised by the static map"),
            PropertySpec.integer(BLOCK_LAYERS, DEFAULTS.blockLayers, 1, Integer.MAX_VALUE,
                    "layers per mapped block (1 = Herald's layer granularity)"),
            PropertySpec.bool(BALANCE, DEFAULTS.balance, "move blocks off the bottleneck to their second-best"
                    + " accelerator while the plan's objective improves"),
            PropertySpec.number(BALANCE_ABOVE, DEFAULTS.balanceAbove, 0, Double.POSITIVE_INFINITY,
                    "balance only while the bottleneck's load exceeds this fraction of capacity; 0 = always"));

    /**
     * @return the settings from {@code defaults} overridden by {@code run}
     * @throws InvalidInputException naming the policy and the key of a bad value
     */
    static HeraldSettings read(Map<String, String> defaults, Map<String, String> run) {
        PropertyReader p = PropertyReader.of(HeraldPolicy.ID, SPECS, defaults, run);
        return new HeraldSettings(p.choice(OBJECTIVE), p.intValue(BLOCK_LAYERS), p.bool(BALANCE),
                p.number(BALANCE_ABOVE));
    }
}
