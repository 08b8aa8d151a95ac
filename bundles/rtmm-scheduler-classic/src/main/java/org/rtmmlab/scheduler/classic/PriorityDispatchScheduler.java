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
    private final AvailableAccelerators free = new AvailableAccelerators();
    private final JobOrder order = new JobOrder(this);
    private final int blockLayers;
    private final AcceleratorRanking ranking;
    private boolean scan;

    /** @param blockLayers layers per dispatched block, 0 = the whole remaining job */
    PriorityDispatchScheduler(int blockLayers) {
        this.blockLayers = blockLayers;
        this.ranking = new AcceleratorRanking(blockLayers, true);
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

    /** Called after job {@code j}'s next block was dispatched to accelerator {@code a}; default nothing. */
    void dispatched(SchedulerView view, int j, int a) {
    }

    /** @return an accelerator job {@code j} should keep running on if it is idle, or -1 for the fastest idle one */
    int preferredAccelerator(SchedulerView view, int j) {
        return -1;
    }

    /**
     * Tests: every call picks each job by a full pass over the view instead of the kept order (the scan of the first
     * implementation: the reference the kept order is held to).
     */
    void scanEveryDispatch() {
        scan = true;
    }

    @Override
    public final void decide(SchedulerView view, Decisions decisions) {
        if (free.reset(view) == 0) {
            return; // every accelerator busy: nothing can be dispatched, so no job is looked at (the order stays valid)
        }
        int queues = queueCount(view);
        if (scan) {
            scratch.reset(view);
        } else {
            order.begin(view);
        }
        boolean[] available = free.available;
        while (free.count() > 0) { // with every accelerator taken, no job looked at from here on could be dispatched
            int j = scan ? firstByScan(view, queues) : first(view, queues);
            if (j < 0) {
                return;
            }
            int from = view.nextLayer(j);
            int remaining = view.layerCount(j) - from;
            if (remaining <= 0) {
                done(j, true); // nothing left to run; the engine retires it
                continue;
            }
            int layers = BlockLayers.next(blockLayers, remaining);
            int m = view.jobModel(j);
            int variant = view.jobVariant(j);
            AcceleratorRanking.RankedBlock block = ranking.block(view, m, variant, from);
            int a = preferredAccelerator(view, j);
            if (a < 0 || !available[a] || block.prefix[a] == 0) { // prefix 0: a cannot run layer from
                a = block.firstAvailable(available);
            }
            if (a < 0) {
                done(j, false);
                return; // no idle accelerator left that runs this job's next layer
            }
            layers = layers == block.layers ? block.prefix[a]
                    : AcceleratorChoice.supportedPrefix(view, m, variant, from, layers, a);
            if (layers == 0) { // the preferred accelerator cannot run the next layer: this job waits
                done(j, false);
                continue;
            }
            decisions.dispatch(j, a, layers);
            free.take(a);
            done(j, true);
            dispatched(view, j, a);
        }
    }

    /** Job {@code j} was looked at in this call: it changes ({@code changes}, e.g. dispatched) or keeps its state. */
    private void done(int j, boolean changes) {
        if (scan) {
            scratch.jobTaken[j] = true;
        } else if (changes) {
            order.park();
        } else {
            order.putBack();
        }
    }

    /** @return the first ready job in the policy's order not yet looked at in this call, or -1 */
    private int first(SchedulerView view, int queues) {
        for (int r = 0; r < queues; r++) {
            int j = order.first(view, queueAt(view, r));
            if (j >= 0) {
                return j;
            }
        }
        return -1;
    }

    /** The same choice as {@link #first} by one pass over the view (the reference; O(jobs) per job looked at). */
    private int firstByScan(SchedulerView view, int queues) {
        int best = -1;
        int bestRank = 0;
        long bestKey1 = 0;
        boolean[] taken = scratch.jobTaken;
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
