package org.rtmmlab.scheduler.classic;

import java.util.Arrays;
import java.util.Comparator;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/** Per-run state of {@link XrbenchGreedyPolicy}: the task visiting order and scratch marks. */
final class XrbenchGreedyScheduler implements Scheduler {

    private final DecisionScratch scratch = new DecisionScratch();
    /** Task indices in (model id, task id) byte-wise order, computed on the first call. */
    private int[] taskOrder;
    /** Per task, the view index of its oldest waiting job in the current pass, or -1. */
    private int[] oldest = new int[0];

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        if (taskOrder == null || taskOrder.length != view.taskCount()) {
            taskOrder = order(view);
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

    private static int[] order(SchedulerView view) {
        Integer[] tasks = new Integer[view.taskCount()];
        for (int t = 0; t < tasks.length; t++) {
            tasks[t] = t;
        }
        Arrays.sort(tasks, Comparator.comparing((Integer t) -> view.task(t).model())
                .thenComparing(t -> view.task(t).id()));
        int[] out = new int[tasks.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = tasks[i];
        }
        return out;
    }
}
