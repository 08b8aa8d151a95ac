package org.rtmmlab.scheduler.classic;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Shared loop of the job-ordering policies (FCFS, EDF, LSF, RR): while an accelerator is idle, take the first ready job in
 * the policy's order and run its next block ({@code blockLayers} layers, 0 = all remaining) on the accelerator
 * the policy prefers for it, else on the idle accelerator that runs the block fastest (ties: lower energy, then
 * lower index; docs/baselines.md rule 4).
 */
abstract class PriorityDispatchScheduler implements Scheduler {

    private final DecisionScratch scratch = new DecisionScratch();
    private final int blockLayers;

    /** @param blockLayers layers per dispatched block, 0 = the whole remaining job */
    PriorityDispatchScheduler(int blockLayers) {
        this.blockLayers = blockLayers;
    }

    /** @return true if job {@code j} goes before job {@code k} (both view indices of the current call) */
    abstract boolean precedes(SchedulerView view, int j, int k);

    /**
     * @return job {@code j}'s first ordering key: {@link #precedes} must decide by this key alone whenever two jobs'
     * keys differ (lower first), so the scan computes it once per job and calls {@code precedes} only on ties.
     * Default 0 (every pair is a tie: {@code precedes} decides).
     */
    long key(SchedulerView view, int j) {
        return 0;
    }

    /** Called after job {@code j}'s next block was dispatched to accelerator {@code a}; default nothing. */
    void dispatched(SchedulerView view, int j, int a) {
    }

    /** @return an accelerator job {@code j} should keep running on if it is idle, or -1 for the fastest idle one */
    int preferredAccelerator(SchedulerView view, int j) {
        return -1;
    }

    @Override
    public final void decide(SchedulerView view, Decisions decisions) {
        scratch.reset(view);
        while (true) {
            int j = first(view);
            if (j < 0) {
                return;
            }
            int from = view.nextLayer(j);
            int remaining = view.layerCount(j) - from;
            if (remaining <= 0) {
                scratch.jobTaken[j] = true; // nothing left to run; the engine retires it
                continue;
            }
            int layers = BlockLayers.next(blockLayers, remaining);
            int a = preferredAccelerator(view, j);
            if (a < 0 || scratch.acceleratorTaken[a] || !view.idle(a)
                    || !view.supported(view.jobModel(j), view.jobVariant(j), from, a)) {
                a = AcceleratorChoice.fastestIdle(view, scratch.acceleratorTaken, view.jobModel(j),
                        view.jobVariant(j), from, layers, true);
            }
            if (a < 0) {
                return; // no idle accelerator left
            }
            layers = AcceleratorChoice.supportedPrefix(view, view.jobModel(j), view.jobVariant(j), from, layers, a);
            if (layers == 0) { // the preferred accelerator cannot run the next layer: this job waits
                scratch.jobTaken[j] = true;
                continue;
            }
            decisions.dispatch(j, a, layers);
            scratch.take(j, a);
            dispatched(view, j, a);
        }
    }

    private int first(SchedulerView view) {
        int best = -1;
        long bestKey = 0;
        boolean[] taken = scratch.jobTaken;
        for (int j = 0; j < view.jobCount(); j++) {
            if (taken[j] || !view.ready(j)) {
                continue;
            }
            long k = key(view, j);
            if (best < 0 || k < bestKey || k == bestKey && precedes(view, j, best)) {
                best = j;
                bestKey = k;
            }
        }
        return best;
    }
}
