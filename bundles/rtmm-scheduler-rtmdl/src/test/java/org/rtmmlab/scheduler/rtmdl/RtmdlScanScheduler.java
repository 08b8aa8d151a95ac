package org.rtmmlab.scheduler.rtmdl;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * The reference for {@link RtmdlSchedulerEquivalenceTest}: RT-mDL's run-time scheduler as it was before issue 15,
 * walking a job's layers to find its sub-task and the job of a stream by a scan of the view. {@link RtmdlScheduler}
 * must decide exactly as this does.
 */
final class RtmdlScanScheduler implements Scheduler {

    private static final double EPSILON = 1e-9;

    private final RtmdlSettings settings;
    private final int[] taskPriority;
    private final int[] taskVariant;
    private final double[] taskUtil;
    /** per accelerator: request id in the high / low stream, -1 when empty. */
    private final long[] highId;
    private final long[] lowId;
    private final int[] highTask;
    private final int[] lowTask;
    private final SubTaskQueue cpuQueue = new SubTaskQueue();
    private final SubTaskQueue gpuQueue = new SubTaskQueue();
    private boolean[] usable = new boolean[16];
    private double[] utilAt = new double[16];
    private long cpuDispatches;
    private long gpuDispatches;
    private long packedDispatches;

    RtmdlScanScheduler(RtmdlSettings settings, Scenario scenario, CostView costs) {
        this.settings = settings;
        int tasks = scenario.tasks().size();
        taskPriority = new int[tasks];
        taskVariant = new int[tasks];
        taskUtil = new double[tasks];
        Map<String, Strategy.Entry> left = new TreeMap<>(settings.strategy().tasks());
        for (int t = 0; t < tasks; t++) {
            Task task = scenario.tasks().get(t);
            Strategy.Entry e = left.remove(task.id());
            taskPriority[t] = e != null && e.priority() > 0 ? e.priority() : task.priority();
            int named = e == null || e.variant() == null ? 0 : variant(scenario, costs, task, e.variant(), ".variant");
            taskVariant[t] = settings.scaling() ? named : 0;
            taskUtil[t] = util(e, costs, task, taskVariant[t], settings.defaultUtil());
            for (int k = 0; e != null && k < e.kept().size(); k++) {
                variant(scenario, costs, task, e.kept().get(k), ".kept[" + k + "]"); // unknown id: input error
            }
            for (String id : e == null ? List.<String>of() : e.utilByVariant().keySet()) {
                variant(scenario, costs, task, id, ".utilByVariant." + id);
            }
        }
        if (!left.isEmpty()) {
            throw new InvalidInputException("strategy", "tasks." + left.keySet().iterator().next(),
                    "no such task in scenario " + scenario.id() + "; tasks: " + scenario.tasks().stream()
                    .map(Task::id).toList());
        }
        highId = new long[costs.acceleratorCount()];
        lowId = new long[costs.acceleratorCount()];
        highTask = new int[costs.acceleratorCount()];
        lowTask = new int[costs.acceleratorCount()];
        Arrays.fill(highId, -1);
        Arrays.fill(lowId, -1);
    }

    /**
     * @return the task's GPU utilisation: the strategy's {@code util}, else its profiled {@code utilByVariant} of the
     *         variant it runs, else the default
     */
    private static double util(Strategy.Entry e, CostView costs, Task task, int variant, double fallback) {
        if (e == null) {
            return fallback;
        }
        if (!Double.isNaN(e.util())) {
            return e.util();
        }
        for (int m = 0; m < costs.modelCount(); m++) {
            if (costs.model(m).id().equals(task.model())) {
                Double u = e.utilByVariant().get(costs.model(m).variantId(variant));
                return u != null ? u : fallback;
            }
        }
        return fallback;
    }

    private static int variant(Scenario scenario, CostView costs, Task task, String id, String field) {
        for (int m = 0; m < costs.modelCount(); m++) {
            Model model = costs.model(m);
            if (model.id().equals(task.model())) {
                for (int v = 0; v < model.variantCount(); v++) {
                    if (model.variantId(v).equals(id)) {
                        return v;
                    }
                }
                StringBuilder known = new StringBuilder();
                for (int v = 0; v < model.variantCount(); v++) {
                    known.append(v == 0 ? "" : ", ").append(model.variantId(v));
                }
                throw new InvalidInputException("strategy", "tasks." + task.id() + field, "model "
                        + model.id() + " has no variant '" + id + "'; variants: " + known);
            }
        }
        throw new InvalidInputException("strategy", "tasks." + task.id(), "model " + task.model()
                + " is not in scenario " + scenario.id());
    }

    @Override
    public void decide(SchedulerView v, Decisions d) {
        int n = v.jobCount();
        if (usable.length < n) {
            usable = new boolean[Math.max(n, usable.length * 2)];
            utilAt = new double[usable.length];
        }
        cpuQueue.clear();
        gpuQueue.clear();
        int holder = settings.split() ? -1 : inProgress(v);
        for (int j = 0; j < n; j++) {
            int t = v.jobTask(j);
            if (settings.dropLate() && v.runningOn(j) < 0 && v.now() >= v.deadlineNs(j)) {
                d.drop(j); // its frame is missed anyway; the GPU goes to frames that can still make it
                continue;
            }
            if (v.nextLayer(j) == 0 && v.runningOn(j) < 0 && v.jobVariant(j) != taskVariant[t]) {
                d.selectVariant(j, taskVariant[t]);
            }
            if (!v.ready(j) || holder >= 0 && j != holder) {
                continue;
            }
            (host(v, j) ? cpuQueue : gpuQueue).add(j, taskPriority[t], v.deadlineNs(j), v.jobId(j));
        }
        if (!settings.split() && holder < 0) {
            keepOnlyHead(); // without the split one job at a time: the highest-priority ready one starts
        }
        refreshStreams(v);
        for (int a = 0; a < v.acceleratorCount(); a++) {
            if (v.accelerator(a).kind() == AcceleratorKind.CPU) {
                runCpu(v, d, a);
            } else {
                runGpu(v, d, a);
            }
        }
    }

    /** @return the one job that has started and not finished (split=false), or -1 */
    private static int inProgress(SchedulerView v) {
        for (int j = 0; j < v.jobCount(); j++) {
            if (v.nextLayer(j) > 0 || v.runningOn(j) >= 0) {
                return j;
            }
        }
        return -1;
    }

    private void keepOnlyHead() {
        boolean cpuFirst = cpuQueue.size() > 0 && (gpuQueue.size() == 0
                || cpuQueue.priority(0) > gpuQueue.priority(0)
                || cpuQueue.priority(0) == gpuQueue.priority(0) && cpuQueue.job(0) < gpuQueue.job(0));
        SubTaskQueue keep = cpuFirst ? cpuQueue : gpuQueue;
        SubTaskQueue other = cpuFirst ? gpuQueue : cpuQueue;
        if (keep.size() > 0) {
            int j = keep.job(0);
            int p = keep.priority(0);
            keep.clear();
            keep.add(j, p, 0, 0);
        }
        other.clear();
    }

    private static boolean host(SchedulerView v, int j) {
        return v.model(v.jobModel(j)).layersOf(v.jobVariant(j)).get(v.nextLayer(j)).type() == OpType.HOST;
    }

    /** Empties a stream whose task finished its GPU sub-task (ended, or waiting with a CPU stage next). */
    private void refreshStreams(SchedulerView v) {
        for (int a = 0; a < highId.length; a++) {
            if (highId[a] >= 0 && !holdsGpuWork(v, highId[a])) {
                highId[a] = -1;
            }
            if (lowId[a] >= 0 && !holdsGpuWork(v, lowId[a])) {
                lowId[a] = -1;
            }
        }
    }

    private static boolean holdsGpuWork(SchedulerView v, long requestId) {
        int j = indexOf(v, requestId);
        return j >= 0 && (v.runningOn(j) >= 0 || !host(v, j));
    }

    private static int indexOf(SchedulerView v, long requestId) {
        for (int j = 0; j < v.jobCount(); j++) {
            if (v.jobId(j) == requestId) {
                return j;
            }
        }
        return -1;
    }

    private void runCpu(SchedulerView v, Decisions d, int a) {
        double core = 1.0 / v.accelerator(a).partitions();
        for (int k = 0; k < cpuQueue.size() && v.freeShare(a) >= core - EPSILON; k++) {
            int j = cpuQueue.job(k);
            if (v.runningOn(j) >= 0 || !v.ready(j)) {
                continue; // dispatched to another CPU at this decision point
            }
            int layers = run(v, j, a, true);
            if (layers > 0) {
                d.dispatch(j, a, layers, v.accelerator(a).partitions() == 1 ? 1.0 : core);
                cpuDispatches++;
            }
        }
    }

    private void runGpu(SchedulerView v, Decisions d, int a) {
        boolean streams = settings.packing() && v.accelerator(a).partitions() >= 2;
        for (int k = 0; k < gpuQueue.size(); k++) {
            int j = gpuQueue.job(k);
            usable[k] = v.runningOn(j) < 0 && !inAnyStream(v.jobId(j)) && run(v, j, a, false) > 0;
            utilAt[k] = taskUtil[v.jobTask(j)];
        }
        if (highId[a] < 0) {
            int k = GpuPacking.high(gpuQueue, usable, lowId[a] >= 0, lowId[a] >= 0 ? taskPriority[lowTask[a]] : 0);
            if (k >= 0) {
                int j = gpuQueue.job(k);
                highId[a] = v.jobId(j);
                highTask[a] = v.jobTask(j);
                usable[k] = false;
            }
        }
        if (streams && lowId[a] < 0 && highId[a] >= 0) {
            int k = GpuPacking.low(gpuQueue, usable, utilAt, taskPriority[highTask[a]], taskUtil[highTask[a]],
                    settings.theta());
            if (k >= 0) {
                int j = gpuQueue.job(k);
                lowId[a] = v.jobId(j);
                lowTask[a] = v.jobTask(j);
            }
        }
        if (highId[a] >= 0) {
            double share = streams && lowId[a] >= 0 ? 1 - taskUtil[lowTask[a]] : 1.0;
            dispatchStream(v, d, a, highId[a], share, streams, false);
        }
        if (lowId[a] >= 0) {
            double share = highId[a] >= 0 ? taskUtil[lowTask[a]] : 1.0;
            dispatchStream(v, d, a, lowId[a], share, streams, true);
        }
    }

    private void dispatchStream(SchedulerView v, Decisions d, int a, long requestId, double share, boolean streams,
                                boolean low) {
        int j = indexOf(v, requestId);
        if (j < 0 || !v.ready(j) || v.freeShare(a) < share - EPSILON) {
            return; // running its layer, or the other stream's layer still holds the GPU
        }
        if (!v.idle(a) && share >= 1.0) {
            return;
        }
        int layers = Math.min(streams ? 1 : Integer.MAX_VALUE, run(v, j, a, false));
        if (layers == 0) { // its next GPU layer does not run here: the stream lets it go
            if (low) {
                lowId[a] = -1;
            } else {
                highId[a] = -1;
            }
            return;
        }
        {
            d.dispatch(j, a, layers, v.accelerator(a).partitions() == 1 ? 1.0 : share);
            gpuDispatches++;
            if (low && share < 1.0) {
                packedDispatches++;
            }
        }
    }

    private boolean inAnyStream(long requestId) {
        for (int a = 0; a < highId.length; a++) {
            if (highId[a] == requestId || lowId[a] == requestId) {
                return true;
            }
        }
        return false;
    }

    /** @return how many consecutive layers from job j's next one are HOST (cpu) / not HOST (gpu) and run on a */
    private static int run(SchedulerView v, int j, int a, boolean cpu) {
        int m = v.jobModel(j);
        int variant = v.jobVariant(j);
        var layers = v.model(m).layersOf(variant);
        int from = v.nextLayer(j);
        int l = from;
        while (l < layers.size() && (layers.get(l).type() == OpType.HOST) == cpu && v.supported(m, variant, l, a)) {
            l++;
        }
        return l - from;
    }

    @Override
    public Map<String, Double> metrics() {
        return Map.of("rtmdl.cpuDispatches", (double) cpuDispatches, "rtmdl.gpuDispatches", (double) gpuDispatches,
                "rtmdl.packedDispatches", (double) packedDispatches);
    }
}
