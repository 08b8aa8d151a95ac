package org.rtmmlab.scheduler.classic;

import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.SchedulerContext;

/** The {@code blockLayers} property of the job-ordering policies: layers per dispatched block, 0 = whole remainder. */
final class BlockLayers {

    /** Property key. */
    static final String KEY = "blockLayers";

    private BlockLayers() {
    }

    /**
     * @return the validated property value (&gt;= 0), {@code fallback} if unset
     * @throws InvalidInputException naming {@code policy} and the key if it is not an integer in [0, 2^31)
     */
    static int read(SchedulerContext context, String policy, int fallback) {
        long v;
        try {
            v = context.longProperty(KEY, fallback);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(policy, KEY, e.reason());
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(policy, KEY, "must be >= 0 (0 = the whole remaining job), got " + v);
        }
        return (int) v;
    }

    /** @return the layers of the next block of a job with {@code remaining} layers left */
    static int next(int blockLayers, int remaining) {
        return blockLayers == 0 ? remaining : Math.min(blockLayers, remaining);
    }
}
