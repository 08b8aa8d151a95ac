package org.rtmmlab.scheduler.classic;

import java.util.Arrays;
import java.util.Comparator;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;
import org.rtmmlab.api.scheduler.dispatch.JobOrder;

/**
 * Per-run state of {@link XrbenchGreedyPolicy}: the task visiting order, one FIFO of waiting jobs per task kept
 * across calls, and the accelerator rankings.
 *
 * <p>Decision cost (issue 15): each task's waiting jobs sit in a {@link JobOrder} queue by {@code (frame, job id)}
 * (XRBench's per-model FIFO, {@code docs/xrbench-runtime.md} section 4), so a pass takes each task's oldest waiting
 * job from its queue instead of scanning every job; a task whose oldest waiting job is not ready is blocked for the
 * rest of the call, as the rule says. Accelerators come from a ranking by whole-model latency (ties lower index) per
 * (model, variant, first layer). A pass stops once every accelerator is given a block.
 */
final class XrbenchGreedyScheduler implements Scheduler, JobOrder.Keys {

    private final JobOrder order = new JobOrder(this);
    private final AvailableAccelerators free = new AvailableAccelerators();
    /** Whole remaining model, latency then lower index: XRBench's LatencyGreedy has no energy term. */
    private final AcceleratorRanking ranking = new AcceleratorRanking(0, false);
    /** Task indices in (model id, task id) byte-wise order, computed on the first call. */
    private int[] taskOrder;
    /** Per task, the call in which it was found blocked (oldest waiting job not ready) or empty. */
    private long[] blockedIn = new long[0];
    private long call;

    /** Queue = task; FIFO by frame, then job id (ids are unique: the order's arrival tie-break is never reached). */
    @Override
    public long key1(SchedulerView view, int j) {
        return view.jobFrame(j);
    }

    @Override
    public long key2(SchedulerView view, int j) {
        return view.jobId(j);
    }

    @Override
    public int queue(SchedulerView view, int j) {
        return view.jobTask(j);
    }

    @Override
    public int queueCount(SchedulerView view) {
        return view.taskCount();
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        if (taskOrder == null || taskOrder.length != view.taskCount()) {
            taskOrder = taskOrder(view);
            blockedIn = new long[view.taskCount()];
            call = 0;
        }
        if (free.reset(view) == 0) {
            return; // every accelerator busy: nothing can be dispatched, so no job is looked at (the queues stay valid)
        }
        order.begin(view);
        call++;
        boolean dispatched = true;
        while (dispatched) { // passes until one dispatches nothing
            dispatched = false;
            for (int t : taskOrder) {
                if (blockedIn[t] == call) {
                    continue;
                }
                int j = order.firstWaiting(view, t);
                if (j < 0) {
                    blockedIn[t] = call; // no waiting job left in this call
                    continue;
                }
                if (!view.ready(j)) {
                    order.putBack();
                    blockedIn[t] = call; // FIFO per model: a blocked head blocks its model for this call
                    continue;
                }
                int m = view.jobModel(j);
                int variant = view.jobVariant(j);
                int from = view.nextLayer(j);
                int remaining = view.layerCount(j) - from;
                if (remaining <= 0) { // nothing left to run (the engine retires it); look at the next frame
                    order.park();
                    dispatched = true;
                    continue;
                }
                int a = accelerator(view, m, variant, from, remaining);
                if (a < 0) {
                    order.putBack();
                    return; // no idle accelerator left
                }
                decisions.dispatch(j, a, remaining);
                free.take(a);
                order.park();
                if (free.count() == 0) {
                    return; // every accelerator given a block: later heads could not be dispatched
                }
                dispatched = true;
            }
        }
    }

    /** @return the fastest available accelerator for the whole remaining model (ties lower index), or -1 */
    private int accelerator(SchedulerView view, int m, int variant, int from, int remaining) {
        AcceleratorRanking.RankedBlock block = ranking.block(view, m, variant, from);
        if (block.layers == remaining) {
            return block.firstAvailable(free.available);
        }
        // a view whose job layer count differs from its model's (hand-made): price the block directly
        return AcceleratorChoice.fastestIdle(view, free.takenInCall(view), m, variant, from, remaining, false);
    }

    /** @return task indices in (model id, task id) byte-wise order: XRBench's {@code std::map} order of models */
    static int[] taskOrder(SchedulerView view) {
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
