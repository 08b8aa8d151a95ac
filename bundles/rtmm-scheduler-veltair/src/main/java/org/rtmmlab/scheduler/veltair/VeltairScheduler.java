package org.rtmmlab.scheduler.veltair;

import java.util.Arrays;
import java.util.List;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Layer;

/**
 * VELTAIR's per-run state and decision loop. Ready blocks are served first come first served (by the time the block
 * became ready: the end of the job's previous block, or its arrival; then arrival, then job id). A block is the next
 * {@link BlockSize#layers()} layers of its job; its deadline share = the task's relative deadline (QoS target) x the
 * block's share of the model's MACs. It goes to the least capable idle accelerator (fewest PEs x clock; ties: lower
 * index) that runs it within its share, else to the idle accelerator that runs it fastest.
 *
 * <p>Decision cost (issue 15): the ready blocks are kept in FCFS order across calls ({@link ReadyBlocks}), so a call
 * looks at the blocks it places plus the jobs that ran since the last call, not at the whole backlog.
 */
final class VeltairScheduler implements Scheduler {

    private final BlockSize blockSize;
    /** {@code macsBefore[m][v][i]}: MACs of layers {@code [0, i)} of model m, variant v. */
    private final long[][][] macsBefore;
    private final ReadyBlocks blocks = new ReadyBlocks();
    private boolean[] accTaken = new boolean[0];

    VeltairScheduler(VeltairSettings settings, CostView costs) {
        this.blockSize = new BlockSize(settings);
        macsBefore = new long[costs.modelCount()][][];
        for (int m = 0; m < macsBefore.length; m++) {
            int variants = costs.model(m).variantCount();
            macsBefore[m] = new long[variants][];
            for (int v = 0; v < variants; v++) {
                List<Layer> layers = costs.model(m).layersOf(v);
                long[] prefix = new long[layers.size() + 1];
                for (int i = 0; i < layers.size(); i++) {
                    prefix[i + 1] = prefix[i] + layers.get(i).macs();
                }
                macsBefore[m][v] = prefix;
            }
        }
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        accTaken = cleared(accTaken, view.acceleratorCount());
        int ready = blocks.begin(view);
        int dispatched = 0;
        // every ready block that gets no accelerator is a conflict: those the loop looks at and cannot place, and all
        // those it does not reach once the accelerators are taken; so conflicts = ready blocks - dispatches
        for (int taken = 0; taken < ready && anyAcceleratorLeft(view); taken++) {
            int j = blocks.next(view);
            if (j < 0) {
                break;
            }
            int from = view.nextLayer(j);
            int layers = Math.min(blockSize.layers(), view.layerCount(j) - from);
            int a = accelerator(view, j, from, layers);
            if (a < 0) {
                blocks.keep();
                continue;
            }
            decisions.dispatch(j, a, layers);
            blocks.dispatched();
            accTaken[a] = true;
            dispatched++;
        }
        blockSize.record(dispatched, ready - dispatched);
    }

    /** @return true if an accelerator is idle and not yet given a block in this decision */
    private boolean anyAcceleratorLeft(SchedulerView view) {
        for (int a = 0; a < view.acceleratorCount(); a++) {
            if (!accTaken[a] && view.idle(a)) {
                return true;
            }
        }
        return false;
    }

    /** @return the block's deadline share, ns: relative deadline x its share of the model's MACs */
    long budgetNs(SchedulerView view, int j, int from, int layers) {
        long[] prefix = macsBefore[view.jobModel(j)][view.jobVariant(j)];
        long total = prefix[prefix.length - 1];
        double fraction = total > 0 ? (double) (prefix[from + layers] - prefix[from]) / total
                : (double) layers / (prefix.length - 1);
        return (long) Math.floor((view.deadlineNs(j) - view.arrivalNs(j)) * fraction);
    }

    private int accelerator(SchedulerView view, int j, int from, int layers) {
        long budget = budgetNs(view, j, from, layers);
        int m = view.jobModel(j);
        int v = view.jobVariant(j);
        int leastCapable = -1;
        int fastest = -1;
        long fastestNs = Long.MAX_VALUE;
        for (int a = 0; a < view.acceleratorCount(); a++) {
            if (accTaken[a] || !view.idle(a)) {
                continue;
            }
            long ns = view.blockLatencyNs(m, v, from, layers, a);
            if (ns < fastestNs) {
                fastestNs = ns;
                fastest = a;
            }
            if (ns <= budget && (leastCapable < 0 || capability(view, a) < capability(view, leastCapable))) {
                leastCapable = a;
            }
        }
        return leastCapable >= 0 ? leastCapable : fastest;
    }

    private static double capability(SchedulerView view, int a) {
        return view.accelerator(a).peCount() * view.accelerator(a).clockHz();
    }

    /** @return the current block size, layers */
    int blockLayers() {
        return blockSize.layers();
    }

    private static boolean[] cleared(boolean[] marks, int size) {
        if (marks.length < size) {
            return new boolean[Math.max(size, marks.length * 2)];
        }
        Arrays.fill(marks, 0, size, false);
        return marks;
    }
}
