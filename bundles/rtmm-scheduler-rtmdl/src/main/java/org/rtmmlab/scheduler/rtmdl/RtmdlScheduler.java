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
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * One run of RT-mDL's run-time scheduler (Ling et al., SenSys 2021).
 *
 * <p><b>Sub-tasks.</b> A job's HOST layers (CPU pre-/post-processing stages) are CPU sub-tasks, its other layers GPU
 * sub-tasks. Ready jobs wait in two {@link SubTaskQueue}s, so a lower-priority task's CPU stage runs while a
 * higher-priority task is on the GPU ("priority-based CPU/GPU sub-task scheduling").
 *
 * <p><b>CPU.</b> Every CPU accelerator runs one stage per core (partition), highest priority first, with share
 * 1 / partitions.
 *
 * <p><b>GPU.</b> Every other accelerator has a high and a low stream (a low one only with two or more partitions and
 * {@code packing=true}); a task keeps its stream until its GPU sub-task ends. Streams are filled by {@link GpuPacking}.
 * With packing, GPU sub-tasks advance one layer per block so that shares follow the streams: the high stream's layer
 * gets share 1 - util(low) while the low stream holds a task (else the whole GPU), the low stream's layer gets
 * util(low) (or the whole GPU while it runs alone); the cost model prices the co-run slowdown of a share &lt; 1
 * ({@code StreamSharing}). Without packing a GPU sub-task runs as one block on the whole GPU.
 *
 * <p><b>Strategy.</b> Each task's variant is selected before its first layer and its priority replaces the
 * scenario's ({@link Strategy}). Allocation-free per decision point once the arrays have grown.
 */
final class RtmdlScheduler implements Scheduler {

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
    /** per accelerator: the view index where the high / low stream's job was last found (a hint for the next call). */
    private final int[] highAt;
    private final int[] lowAt;
    private final SubTaskQueue cpuQueue = new SubTaskQueue();
    private final SubTaskQueue gpuQueue = new SubTaskQueue();
    private final LayerRuns layerRuns;
    private boolean[] usable = new boolean[16];
    private double[] utilAt = new double[16];
    private long cpuDispatches;
    private long gpuDispatches;
    private long packedDispatches;

    RtmdlScheduler(RtmdlSettings settings, Scenario scenario, CostView costs) {
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
        highAt = new int[costs.acceleratorCount()];
        lowAt = new int[costs.acceleratorCount()];
        Arrays.fill(highId, -1);
        Arrays.fill(lowId, -1);
        layerRuns = new LayerRuns(costs);
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
        boolean dropLate = settings.dropLate();
        long now = v.now();
        for (int j = 0; j < n; j++) {
            if (dropLate && now >= v.deadlineNs(j) && v.runningOn(j) < 0) {
                d.drop(j); // its frame is missed anyway; the GPU goes to frames that can still make it
                continue;
            }
            int t = v.jobTask(j);
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

    private boolean host(SchedulerView v, int j) {
        return layerRuns.host(v.jobModel(j), v.jobVariant(j), v.nextLayer(j));
    }

    /** Empties a stream whose task finished its GPU sub-task (ended, or waiting with a CPU stage next). */
    private void refreshStreams(SchedulerView v) {
        for (int a = 0; a < highId.length; a++) {
            if (highId[a] >= 0 && !holdsGpuWork(v, highAt[a] = indexOf(v, highId[a], highAt[a]))) {
                highId[a] = -1;
            }
            if (lowId[a] >= 0 && !holdsGpuWork(v, lowAt[a] = indexOf(v, lowId[a], lowAt[a]))) {
                lowId[a] = -1;
            }
        }
    }

    private boolean holdsGpuWork(SchedulerView v, int j) {
        return j >= 0 && (v.runningOn(j) >= 0 || !host(v, j));
    }

    /**
     * @return the view index of the job with id {@code requestId}, or -1: {@code hint} if the job is there (where
     *         it was found at the last call, when no job before it left), else a binary search, since the engine's
     *         views list jobs in release order with increasing ids; a scan when that finds nothing (a view whose ids
     *         do not increase, or a job that left)
     */
    private static int indexOf(SchedulerView v, long requestId, int hint) {
        if (hint >= 0 && hint < v.jobCount() && v.jobId(hint) == requestId) {
            return hint;
        }
        int lo = 0;
        int hi = v.jobCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long id = v.jobId(mid);
            if (id < requestId) {
                lo = mid + 1;
            } else if (id > requestId) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
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
            dispatchStream(v, d, a, highAt[a] = indexOf(v, highId[a], highAt[a]), share, streams, false);
        }
        if (lowId[a] >= 0) {
            double share = highId[a] >= 0 ? taskUtil[lowTask[a]] : 1.0;
            dispatchStream(v, d, a, lowAt[a] = indexOf(v, lowId[a], lowAt[a]), share, streams, true);
        }
    }

    private void dispatchStream(SchedulerView v, Decisions d, int a, int j, double share, boolean streams,
                                boolean low) {
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
    private int run(SchedulerView v, int j, int a, boolean cpu) {
        return layerRuns.run(v.jobModel(j), v.jobVariant(j), v.nextLayer(j), a, cpu);
    }

    @Override
    public Map<String, Double> metrics() {
        return Map.of("rtmdl.cpuDispatches", (double) cpuDispatches, "rtmdl.gpuDispatches", (double) gpuDispatches,
                "rtmdl.packedDispatches", (double) packedDispatches);
    }
}
