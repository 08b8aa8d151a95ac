package org.rtmmlab.scheduler.herald;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.JobOrder;

/**
 * Herald's run-time side: every accelerator serves the blocks the {@link StaticMap} gives it, first come first served
 * by request arrival (ties: frame, then job id); a job's next block is ready once its previous block finished, so
 * each queue is served in dependency order. An idle accelerator whose queue has no ready block stays idle.
 *
 * <p>A job's next block belongs to exactly one accelerator, so the waiting jobs sit in one queue per accelerator, in
 * that order, kept across calls ({@link JobOrder}): an idle accelerator takes the head of its queue without a scan of
 * the backlog (issue 15).
 */
final class HeraldScheduler implements Scheduler, JobOrder.Keys {

    private final StaticMap map;
    private final JobOrder order = new JobOrder(this);

    HeraldScheduler(StaticMap map) {
        this.map = map;
    }

    /** Tests: rebuilds the queues from the whole view at every call (the decisions of a scan). @return this */
    HeraldScheduler rebuildEveryCall() {
        order.rebuildEveryCall();
        return this;
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        int accelerators = view.acceleratorCount();
        boolean anyIdle = false;
        for (int a = 0; a < accelerators && !anyIdle; a++) {
            anyIdle = view.idle(a);
        }
        if (!anyIdle) {
            return;
        }
        order.begin(view);
        for (int a = 0; a < accelerators; a++) {
            if (!view.idle(a)) {
                continue;
            }
            int j = order.first(view, a);
            if (j >= 0) {
                decisions.dispatch(j, a, map.layersToBlockEnd(view.nextLayer(j), view.layerCount(j)));
                order.park();
            }
        }
    }

    /** The queue of a job: the accelerator its next block is mapped to; none when it has no layer left. */
    @Override
    public int queue(SchedulerView view, int j) {
        int next = view.nextLayer(j);
        return next < view.layerCount(j) ? map.acceleratorOf(view.jobModel(j), next) : -1;
    }

    @Override
    public int queueCount(SchedulerView view) {
        return view.acceleratorCount();
    }

    /** First come first served by request arrival; ties: frame, then job id (the order's last tie-break). */
    @Override
    public long key1(SchedulerView view, int j) {
        return view.arrivalNs(j);
    }

    @Override
    public long key2(SchedulerView view, int j) {
        return view.jobFrame(j);
    }
}
