package org.rtmmlab.scheduler.prema;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyValues;

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

    /** @return settings from {@code defaults} overridden by {@code run} @throws InvalidInputException on a bad value */
    static PremaSettings read(Map<String, String> defaults, Map<String, String> run) {
        Map<String, String> p = new TreeMap<>(defaults);
        p.putAll(run);
        long block = PropertyValues.integer(PremaPolicy.ID, p, BLOCK_LAYERS,
                DEFAULTS.blockLayers, 1, Integer.MAX_VALUE);
        long checkpoint = PropertyValues.integer(PremaPolicy.ID, p, CHECKPOINT_NS,
                DEFAULTS.checkpointNs, 0, Long.MAX_VALUE);
        return new PremaSettings((int) block, checkpoint);
    }


    /** @return the DS configuration values of PREMA's keys, as strings */
    static Map<String, String> fromConfig(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        for (String key : new String[] {BLOCK_LAYERS, CHECKPOINT_NS}) {
            Object v = config == null ? null : config.get(key);
            if (v != null) {
                out.put(key, v.toString());
            }
        }
        return out;
    }
}
