package org.rtmmlab.report.trace;

import java.util.Arrays;

/**
 * Assigns the blocks of one accelerator to lanes (trace threads) so that slices on one lane never overlap, which
 * trace viewers need to draw them. Blocks must be offered in order of their end time (the engine emits a block
 * when it ends): a lane whose last block ended at or before the new block's start is free for it, the lowest free
 * lane is taken. A time-multiplexed accelerator therefore uses lane 0 only; spatial shares use as many lanes as
 * blocks overlap. At most {@link #MAX} lanes: past that, blocks share the last one.
 */
final class Lanes {

    /** Upper bound on lanes per accelerator. */
    static final int MAX = 64;

    private long[] lastEnd = new long[1];
    private int used;

    /**
     * @param startNs block start
     * @param endNs   block end, not before the end of any block offered before
     * @return the lane, 0-based
     */
    int assign(long startNs, long endNs) {
        int lane = 0;
        while (lane < used && lastEnd[lane] > startNs) {
            lane++;
        }
        if (lane == MAX) {
            lane = MAX - 1;
        }
        if (lane == used && used < MAX) {
            if (used == lastEnd.length) {
                lastEnd = Arrays.copyOf(lastEnd, Math.min(MAX, used * 2));
            }
            used++;
        }
        lastEnd[lane] = Math.max(lastEnd[lane], endNs);
        return lane;
    }

    /** @return lanes used so far */
    int used() {
        return used;
    }
}
