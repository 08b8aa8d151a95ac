package org.rtmmlab.engine.sim;

import java.util.Arrays;

/**
 * The live jobs of a run in release order (what {@link org.rtmmlab.api.scheduler.SchedulerView} indexes), backed by
 * a pool of reusable {@link Job} objects. Ended jobs stay in place until {@link #compact()}, which the engine calls
 * only between scheduler calls, so view indices are stable during one decision.
 */
final class JobTable {

    /** every job object of the run, by slot (an array: a block completion looks its job up by slot). */
    private Job[] pool = new Job[16];
    private int poolSize;
    private int[] free = new int[16];
    private int freeCount;
    private Job[] live = new Job[16];
    private int liveCount;
    private boolean dirty;

    /** @return a reset job appended at the end of the release order */
    Job add(long requestId, int task, int model, long frame, long arrivalNs, long deadlineNs, int layers) {
        Job j;
        if (freeCount > 0) {
            j = pool[free[--freeCount]];
        } else {
            if (poolSize == pool.length) {
                pool = Arrays.copyOf(pool, poolSize * 2);
            }
            j = new Job(poolSize);
            pool[poolSize++] = j;
        }
        j.reset(requestId, task, model, frame, arrivalNs, deadlineNs, layers);
        if (liveCount == live.length) {
            live = Arrays.copyOf(live, liveCount * 2);
        }
        live[liveCount++] = j;
        return j;
    }

    /** Marks a job ended; its slot returns to the pool at the next {@link #compact()}. */
    void end(Job j) {
        j.ended = true;
        dirty = true;
    }

    /** Removes ended jobs, keeping release order, and recycles their slots. */
    void compact() {
        if (!dirty) {
            return;
        }
        int w = 0;
        for (int r = 0; r < liveCount; r++) {
            Job j = live[r];
            if (j.ended) {
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, freeCount * 2);
                }
                free[freeCount++] = j.slot;
            } else {
                live[w++] = j;
            }
        }
        Arrays.fill(live, w, liveCount, null);
        liveCount = w;
        dirty = false;
    }

    /** @return number of jobs in the release-order list (ended ones included until compaction) */
    int size() {
        return liveCount;
    }

    /**
     * @return the release-order array itself, valid for indices below {@link #size()} as it is now: a later
     * {@link #add} may move the table to a larger array, but the first entries of this one stay the same jobs
     * until the next {@link #compact()}
     */
    Job[] array() {
        return live;
    }

    /** @return job at view index {@code i} */
    Job get(int i) {
        return live[i];
    }

    /** @return the pooled job in slot {@code slot} */
    Job slot(int slot) {
        return pool[slot];
    }
}
