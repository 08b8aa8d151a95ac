package org.rtmmlab.scheduler.classic;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/**
 * The reference for {@link XrbenchGreedyScheduler}: the same rule by passes that each scan every job for the oldest
 * waiting one per task (the implementation before issue 15's incremental queues, kept for the equivalence test).
 */
final class XrbenchGreedyScan implements Scheduler {

    private final DecisionScratch scratch = new DecisionScratch();
    /** Task indices in (model id, task id) byte-wise order, computed on the first call. */
    private int[] taskOrder;
    /** Per task, the view index of its oldest waiting job in the current pass, or -1. */
    private int[] oldest = new int[0];

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        if (taskOrder == null || taskOrder.length != view.taskCount()) {
            taskOrder = XrbenchGreedyScheduler.taskOrder(view);
            oldest = new int[view.taskCount()];
        }
        scratch.reset(view);
        boolean dispatched = true;
        while (dispatched) {
            dispatched = false;
            findOldestWaiting(view);
            for (int t : taskOrder) {
                int j = oldest[t];
                if (j < 0 || !view.ready(j)) {
                    continue; // FIFO per model: a blocked head blocks its model for this pass
                }
                int m = view.jobModel(j);
                int variant = view.jobVariant(j);
                int from = view.nextLayer(j);
                int remaining = view.layerCount(j) - from;
                if (remaining <= 0) { // nothing left to run (the engine retires it); look at the next frame
                    scratch.jobTaken[j] = true;
                    dispatched = true;
                    continue;
                }
                int a = AcceleratorChoice.fastestIdle(view, scratch.acceleratorTaken, m, variant, from, remaining,
                        false);
                if (a < 0) {
                    return; // no idle accelerator left
                }
                decisions.dispatch(j, a, remaining);
                scratch.take(j, a);
                dispatched = true;
            }
        }
    }

    private void findOldestWaiting(SchedulerView view) {
        Arrays.fill(oldest, -1);
        for (int j = 0; j < view.jobCount(); j++) {
            if (scratch.jobTaken[j] || view.runningOn(j) >= 0) {
                continue;
            }
            int t = view.jobTask(j);
            int cur = oldest[t];
            if (cur < 0 || view.jobFrame(j) < view.jobFrame(cur)
                    || (view.jobFrame(j) == view.jobFrame(cur) && view.jobId(j) < view.jobId(cur))) {
                oldest[t] = j;
            }
        }
    }
}
