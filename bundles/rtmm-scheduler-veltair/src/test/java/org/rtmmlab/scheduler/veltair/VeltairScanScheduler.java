package org.rtmmlab.scheduler.veltair;

import java.util.Arrays;
import java.util.List;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Layer;

/**
 * The reference for {@link VeltairSchedulerEquivalenceTest}: VELTAIR's decision loop as it was before issue 15, with
 * scans of every job per call (clearing a taken mark per job, picking each next ready block by a scan, counting the
 * conflicting blocks by a scan). {@link VeltairScheduler} must decide exactly as this does.
 */
final class VeltairScanScheduler implements Scheduler {

    private final BlockSize blockSize;
    /** {@code macsBefore[m][v][i]}: MACs of layers {@code [0, i)} of model m, variant v. */
    private final long[][][] macsBefore;
    private boolean[] jobTaken = new boolean[0];
    private boolean[] accTaken = new boolean[0];

    VeltairScanScheduler(VeltairSettings settings, CostView costs) {
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
        jobTaken = cleared(jobTaken, view.jobCount());
        accTaken = cleared(accTaken, view.acceleratorCount());
        int dispatched = 0;
        int conflicts = 0;
        for (int j = nextReady(view); j >= 0; j = nextReady(view)) {
            if (!anyAcceleratorLeft(view)) {
                // every job still ready would find no accelerator (a conflict each): count them in one pass instead
                // of picking them one by one, so a decision costs O(jobs x accelerators), not O(jobs^2)
                conflicts += untakenReady(view);
                break;
            }
            jobTaken[j] = true;
            int from = view.nextLayer(j);
            int layers = Math.min(blockSize.layers(), view.layerCount(j) - from);
            int a = accelerator(view, j, from, layers);
            if (a < 0) {
                conflicts++;
                continue;
            }
            decisions.dispatch(j, a, layers);
            accTaken[a] = true;
            dispatched++;
        }
        blockSize.record(dispatched, conflicts);
    }

    /** @return the ready, untaken job whose next block became ready first, or -1 */
    private int nextReady(SchedulerView view) {
        int best = -1;
        for (int j = 0; j < view.jobCount(); j++) {
            if (jobTaken[j] || !view.ready(j) || view.nextLayer(j) >= view.layerCount(j)) {
                continue;
            }
            if (best < 0 || before(view, j, best)) {
                best = j;
            }
        }
        return best;
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

    /** @return the ready jobs with layers left not yet taken in this decision */
    private int untakenReady(SchedulerView view) {
        int n = 0;
        for (int j = 0; j < view.jobCount(); j++) {
            if (!jobTaken[j] && view.ready(j) && view.nextLayer(j) < view.layerCount(j)) {
                n++;
            }
        }
        return n;
    }

    private static boolean before(SchedulerView view, int j, int k) {
        if (view.lastRunEndNs(j) != view.lastRunEndNs(k)) {
            return view.lastRunEndNs(j) < view.lastRunEndNs(k);
        }
        if (view.arrivalNs(j) != view.arrivalNs(k)) {
            return view.arrivalNs(j) < view.arrivalNs(k);
        }
        return view.jobId(j) < view.jobId(k);
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
