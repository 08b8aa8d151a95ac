package org.rtmmlab.scheduler.classic;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;
import org.rtmmlab.api.scheduler.dispatch.JobOrder;

/**
 * Shared loop of the job-ordering policies (FCFS, EDF, LSF, RR): while an accelerator is idle, take the first ready job in
 * the policy's order and run its next block ({@code blockLayers} layers, 0 = all remaining) on the accelerator
 * the policy prefers for it, else on the idle accelerator that runs the block fastest (ties: lower energy, then
 * lower index; docs/baselines.md rule 4). The ready jobs come from a {@link JobOrder} kept across calls, so a
 * decision does not scan the backlog, and the accelerators from an {@link AcceleratorRanking}, so a dispatch does not
 * price its block on every accelerator.
 */
abstract class PriorityDispatchScheduler implements Scheduler, JobOrder.Keys {

    private final DecisionScratch scratch = new DecisionScratch();
    private final JobOrder order = new JobOrder(this);
    private final int blockLayers;
    private final AcceleratorRanking ranking;
    /** Below this many jobs one pass over the view is cheaper than keeping the order (issue 15 overload figures). */
    static final int SCAN_BELOW = 32;
    private boolean forceOrder;

    /** @param blockLayers layers per dispatched block, 0 = the whole remaining job */
    PriorityDispatchScheduler(int blockLayers) {
        this.blockLayers = blockLayers;
        this.ranking = new AcceleratorRanking(blockLayers);
    }

    /**
     * The policy's order is {@code (queue rank, key1, key2, arrival, job id)}, lower first. The keys of a waiting job
     * may depend only on what stays fixed while it waits (deadline, arrival, next layer, variant): {@link JobOrder}
     * keeps them until the job runs again.
     */
    @Override
    public long key1(SchedulerView view, int j) {
        return 0;
    }

    @Override
    public long key2(SchedulerView view, int j) {
        return 0;
    }

    @Override
    public int queue(SchedulerView view, int j) {
        return 0;
    }

    @Override
    public int queueCount(SchedulerView view) {
        return 1;
    }

    /** @return the queue whose turn is {@code rank}-th ({@code rank < queueCount}); default the queue {@code rank} */
    int queueAt(SchedulerView view, int rank) {
        return rank;
    }

    /** Tests: rebuilds the job order from the whole view at every call (the reference the incremental order meets). */
    void rebuildEveryCall() {
        order.rebuildEveryCall();
    }

    /** Tests: the kept order at every backlog size (no scan below {@link #SCAN_BELOW}). */
    void alwaysKeptOrder() {
        forceOrder = true;
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
        boolean scan = view.jobCount() < SCAN_BELOW && !forceOrder;
        if (scan) {
            scratch.reset(view);
            order.forget(); // rebuilt from the whole view when the backlog grows again
        } else {
            scratch.resetAccelerators(view);
            order.begin(view);
        }
        while (true) {
            int j = scan ? firstByScan(view) : first(view);
            if (j < 0) {
                return;
            }
            int from = view.nextLayer(j);
            int remaining = view.layerCount(j) - from;
            if (remaining <= 0) {
                done(scan, j, true); // nothing left to run; the engine retires it
                continue;
            }
            int layers = BlockLayers.next(blockLayers, remaining);
            int a = preferredAccelerator(view, j);
            if (a < 0 || scratch.acceleratorTaken[a] || !view.idle(a)
                    || !view.supported(view.jobModel(j), view.jobVariant(j), from, a)) {
                a = ranking.fastestIdle(view, scratch.acceleratorTaken, view.jobModel(j), view.jobVariant(j), from);
            }
            if (a < 0) {
                done(scan, j, false);
                return; // no idle accelerator left
            }
            layers = AcceleratorChoice.supportedPrefix(view, view.jobModel(j), view.jobVariant(j), from, layers, a);
            if (layers == 0) { // the preferred accelerator cannot run the next layer: this job waits
                done(scan, j, false);
                continue;
            }
            decisions.dispatch(j, a, layers);
            scratch.acceleratorTaken[a] = true;
            done(scan, j, true);
            dispatched(view, j, a);
        }
    }

    /** Job {@code j} was looked at in this call: it changes ({@code changes}, e.g. dispatched) or keeps its state. */
    private void done(boolean scan, int j, boolean changes) {
        if (scan) {
            scratch.jobTaken[j] = true;
        } else if (changes) {
            order.park();
        } else {
            order.putBack();
        }
    }

    /** @return the first ready job in the policy's order not yet looked at in this call, or -1 */
    private int first(SchedulerView view) {
        int queues = queueCount(view);
        for (int r = 0; r < queues; r++) {
            int j = order.first(view, queueAt(view, r));
            if (j >= 0) {
                return j;
            }
        }
        return -1;
    }

    /** The same choice as {@link #first} by one pass over the view: cheaper than the kept order for a few jobs. */
    private int firstByScan(SchedulerView view) {
        int best = -1;
        int bestRank = 0;
        long bestKey1 = 0;
        boolean[] taken = scratch.jobTaken;
        int queues = queueCount(view);
        for (int j = 0; j < view.jobCount(); j++) {
            if (taken[j] || !view.ready(j)) {
                continue;
            }
            int rank = rank(view, queue(view, j), queues);
            long k1 = key1(view, j);
            if (best < 0 || rank < bestRank || rank == bestRank && (k1 < bestKey1 || k1 == bestKey1
                    && after(view, best, j))) {
                best = j;
                bestRank = rank;
                bestKey1 = k1;
            }
        }
        return best;
    }

    /** @return the turn of queue {@code q}: its position in the {@link #queueAt} order */
    private int rank(SchedulerView view, int q, int queues) {
        if (queues == 1) {
            return 0;
        }
        for (int r = 0; r < queues; r++) {
            if (queueAt(view, r) == q) {
                return r;
            }
        }
        return queues;
    }

    /** @return true if job {@code b} goes before job {@code a} on equal rank and first key */
    private boolean after(SchedulerView view, int a, int b) {
        long ka = key2(view, a);
        long kb = key2(view, b);
        if (ka != kb) {
            return kb < ka;
        }
        if (view.arrivalNs(a) != view.arrivalNs(b)) {
            return view.arrivalNs(b) < view.arrivalNs(a);
        }
        return view.jobId(b) < view.jobId(a);
    }
}
