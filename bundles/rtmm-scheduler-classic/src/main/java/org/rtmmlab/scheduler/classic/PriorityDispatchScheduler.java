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

    /** Called after job {@code j}'s next block was dispatched to accelerator {@code a}; default nothing. */
    void dispatched(SchedulerView view, int j, int a) {
    }

    /** @return an accelerator job {@code j} should keep running on if it is idle, or -1 for the fastest idle one */
    int preferredAccelerator(SchedulerView view, int j) {
        return -1;
    }

    @Override
    public final void decide(SchedulerView view, Decisions decisions) {
        scratch.resetAccelerators(view);
        order.begin(view);
        while (true) {
            int j = first(view);
            if (j < 0) {
                return;
            }
            int from = view.nextLayer(j);
            int remaining = view.layerCount(j) - from;
            if (remaining <= 0) {
                order.park(); // nothing left to run; the engine retires it
                continue;
            }
            int layers = BlockLayers.next(blockLayers, remaining);
            int a = preferredAccelerator(view, j);
            if (a < 0 || scratch.acceleratorTaken[a] || !view.idle(a)
                    || !view.supported(view.jobModel(j), view.jobVariant(j), from, a)) {
                a = ranking.fastestIdle(view, scratch.acceleratorTaken, view.jobModel(j), view.jobVariant(j), from);
            }
            if (a < 0) {
                order.putBack();
                return; // no idle accelerator left
            }
            layers = AcceleratorChoice.supportedPrefix(view, view.jobModel(j), view.jobVariant(j), from, layers, a);
            if (layers == 0) { // the preferred accelerator cannot run the next layer: this job waits
                order.putBack();
                continue;
            }
            decisions.dispatch(j, a, layers);
            scratch.acceleratorTaken[a] = true;
            order.park();
            dispatched(view, j, a);
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
}
