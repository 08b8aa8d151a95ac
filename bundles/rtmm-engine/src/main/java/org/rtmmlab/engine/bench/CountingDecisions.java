package org.rtmmlab.engine.bench;

import org.rtmmlab.api.scheduler.Decisions;

/**
 * Counts a benchmarked scheduler's dispatches instead of applying its decisions, so every call sees the same
 * {@link SnapshotView} (the count keeps the calls from being optimised away).
 */
public final class CountingDecisions implements Decisions {

    private long dispatches;

    /** @return the dispatches counted since creation or the last {@link #reset()} */
    public long dispatches() {
        return dispatches;
    }

    /** Sets the count back to zero. */
    public void reset() {
        dispatches = 0;
    }

    @Override
    public void dispatch(int job, int accelerator, int layers, double share) {
        dispatches++;
    }

    @Override
    public void drop(int job) {
    }

    @Override
    public void selectVariant(int job, int variant) {
    }

    @Override
    public void restart(int job) {
    }

    @Override
    public void wakeAt(long timeNs) {
    }
}
