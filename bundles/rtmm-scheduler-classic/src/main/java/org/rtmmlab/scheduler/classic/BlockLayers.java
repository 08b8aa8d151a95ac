package org.rtmmlab.scheduler.classic;

import org.rtmmlab.api.scheduler.PropertySpec;

/** The {@code blockLayers} property of the job-ordering policies: layers per dispatched block, 0 = whole remainder. */
final class BlockLayers {

    /** Property key. */
    static final String KEY = "blockLayers";

    private BlockLayers() {
    }

    /**
     * @param defaultValue built-in default
     * @param help         the policy's one-line meaning
     * @return the declaration: an integer in [0, 2^31)
     */
    static PropertySpec spec(int defaultValue, String help) {
        return PropertySpec.integer(KEY, defaultValue, 0, Integer.MAX_VALUE, help);
    }

    /** @return the layers of the next block of a job with {@code remaining} layers left */
    static int next(int blockLayers, int remaining) {
        return blockLayers == 0 ? remaining : Math.min(blockLayers, remaining);
    }
}
