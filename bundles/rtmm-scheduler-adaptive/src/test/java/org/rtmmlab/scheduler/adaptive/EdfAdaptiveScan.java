package org.rtmmlab.scheduler.adaptive;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/**
 * The reference rule of {@link EdfAdaptivePolicy} by scans of the whole view at every call (the scheduler before
 * issue 15): the current variant of each model and scratch arrays, no job indices kept between calls. Kept for the
 * equivalence test of {@link EdfAdaptiveScheduler}, which decides alike without the scans.
 */
final class EdfAdaptiveScan implements Scheduler {

    private final int downQueue;
    private final int upQueue;
    private final int blockLayers;
    private final int[] level;
    private final int[] queued;
    private boolean[] accTaken = new boolean[0];

    EdfAdaptiveScan(int models, int downQueue, int upQueue, int blockLayers) {
        this.downQueue = downQueue;
        this.upQueue = upQueue;
        this.blockLayers = blockLayers;
        this.level = new int[models];
        this.queued = new int[models];
    }

    /** @return the variant model {@code m} currently runs (for tests) */
    int level(int m) {
        return level[m];
    }

    @Override
    public void decide(SchedulerView v, Decisions d) {
        adapt(v, d);
        dispatch(v, d);
    }

    /** Steps each model's variant by its queue length and applies it to the jobs not yet started. */
    private void adapt(SchedulerView v, Decisions d) {
        java.util.Arrays.fill(queued, 0);
        int n = v.jobCount();
        for (int j = 0; j < n; j++) {
            queued[v.jobModel(j)]++; // every released, unfinished job: waiting or running
        }
        for (int m = 0; m < level.length; m++) {
            int last = v.model(m).variantCount() - 1;
            if (queued[m] >= downQueue && level[m] < last) {
                level[m]++;
            } else if (queued[m] <= upQueue && level[m] > 0) {
                level[m]--;
            }
        }
        for (int j = 0; j < n; j++) {
            int m = v.jobModel(j);
            if (v.nextLayer(j) == 0 && v.runningOn(j) < 0 && v.jobVariant(j) != level[m]) {
                d.selectVariant(j, level[m]);
            }
        }
    }

    /** EDF: earliest-deadline ready job onto the fastest idle accelerator, until none is idle or none is ready. */
    private void dispatch(SchedulerView v, Decisions d) {
        boolean[] taken = null;
        accTaken = cleared(accTaken, v.acceleratorCount());
        while (true) {
            int best = -1;
            int n = v.jobCount();
            for (int j = 0; j < n; j++) {
                if (v.ready(j) && (taken == null || !taken[j]) && (best < 0 || precedes(v, j, best))) {
                    best = j;
                }
            }
            if (best < 0) {
                return;
            }
            int remaining = v.layerCount(best) - v.nextLayer(best);
            int layers = blockLayers == 0 ? remaining : Math.min(blockLayers, remaining);
            int acc = fastestIdle(v, accTaken, best, layers);
            if (acc < 0) {
                return;
            }
            d.dispatch(best, acc, layers);
            accTaken[acc] = true; // a view that does not update within the call (a snapshot) still sees it idle
            if (v.ready(best)) { // defensive: a view that does not update within the call
                if (taken == null) {
                    taken = new boolean[n];
                }
                taken[best] = true;
            }
        }
    }

    private static boolean[] cleared(boolean[] marks, int size) {
        if (marks.length < size) {
            return new boolean[size];
        }
        java.util.Arrays.fill(marks, 0, size, false);
        return marks;
    }

    /** @return the idle accelerator that runs job {@code j}'s next block fastest (ties: lower energy, lower index) */
    private static int fastestIdle(SchedulerView v, boolean[] taken, int j, int layers) {
        return AcceleratorChoice.fastestIdle(v, taken, v.jobModel(j), v.jobVariant(j), v.nextLayer(j), layers, true);
    }

    private static boolean precedes(SchedulerView v, int j, int k) {
        if (v.deadlineNs(j) != v.deadlineNs(k)) {
            return v.deadlineNs(j) < v.deadlineNs(k);
        }
        if (v.arrivalNs(j) != v.arrivalNs(k)) {
            return v.arrivalNs(j) < v.arrivalNs(k);
        }
        return v.jobId(j) < v.jobId(k);
    }
}
