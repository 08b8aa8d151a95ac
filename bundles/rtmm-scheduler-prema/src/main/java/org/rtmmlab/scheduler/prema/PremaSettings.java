package org.rtmmlab.scheduler.prema;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * PREMA's properties, read from the policy's defaults (ConfigAdmin) overridden by the run's properties.
 *
 * @param blockLayers  layers per dispatched block, &gt;= 1 (1 = re-decide at every layer, as the cited port does)
 * @param checkpointNs estimated cost of checkpointing a preempted job (save and restore), ns, &gt;= 0: a preempted job
 *                     whose executed work (isolated latency of its layers done) is at most this is killed (restarted)
 *                     instead; 0 = checkpointing is free (common porting rule 1), so jobs are never killed
 */
record PremaSettings(int blockLayers, long checkpointNs) {

    static final String BLOCK_LAYERS = "blockLayers";
    static final String CHECKPOINT_NS = "checkpointNs";

    /** Built-in defaults. */
    static final PremaSettings DEFAULTS = new PremaSettings(1, 0);

    /** The declarations of PREMA's properties, with the built-in defaults. */
    static final List<PropertySpec> SPECS = List.of(
            PropertySpec.integer(BLOCK_LAYERS, DEFAULTS.blockLayers, 1, Integer.MAX_VALUE,
                    "layers per block; a preemption point after each"),
            PropertySpec.integer(CHECKPOINT_NS, DEFAULTS.checkpointNs, 0, "checkpoint cost, ns: a preempted job with"
                    + " at most this much work done is killed instead; 0 = never kill"));

    /** @return settings from {@code defaults} overridden by {@code run} @throws InvalidInputException on a bad value */
    static PremaSettings read(Map<String, String> defaults, Map<String, String> run) {
        PropertyReader p = PropertyReader.of(PremaPolicy.ID, SPECS, defaults, run);
        return new PremaSettings(p.intValue(BLOCK_LAYERS), p.integer(CHECKPOINT_NS));
    }
}
