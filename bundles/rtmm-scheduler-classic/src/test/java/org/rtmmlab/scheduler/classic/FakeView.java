package org.rtmmlab.scheduler.classic;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;

/**
 * Hand-built {@link SchedulerView} for policy tests: models with per-layer, per-accelerator latency and energy
 * arrays, tasks, jobs with settable state, busy flags per accelerator. Only variant 0 exists.
 */
final class FakeView implements SchedulerView {

    /** One job; fluent setters. */
    static final class Job {
        final long id;
        final int task;
        long frame;
        long arrival;
        long deadline = 1_000_000;
        int next;
        int running = -1;
        int last = -1;
        boolean ready = true;

        Job(long id, int task) {
            this.id = id;
            this.task = task;
        }

        Job frame(long v) { frame = v; return this; }
        Job arrival(long v) { arrival = v; return this; }
        Job deadline(long v) { deadline = v; return this; }
        Job next(int v) { next = v; return this; }
        Job last(int v) { last = v; return this; }
        Job notReady() { ready = false; return this; }
        Job running(int a) { running = a; ready = false; return this; }
    }

    private final int accelerators;
    private final boolean[] busy;
    private final List<Model> models = new ArrayList<>();
    private final List<long[][]> latency = new ArrayList<>();
    private final List<double[][]> energy = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Integer> taskModel = new ArrayList<>();
    final List<Job> jobs = new ArrayList<>();
    long now;

    FakeView(int accelerators) {
        this.accelerators = accelerators;
        this.busy = new boolean[accelerators];
    }

    /** Adds a model; {@code latencyNs[layer][a]}; energy = latency unless set. @return its index */
    int model(String id, long[][] latencyNs) {
        List<Layer> layers = new ArrayList<>();
        double[][] e = new double[latencyNs.length][];
        for (int i = 0; i < latencyNs.length; i++) {
            layers.add(Layer.conv("l" + i, 1, 1, 1, 1, 1, 1, 1));
            e[i] = new double[accelerators];
            for (int a = 0; a < accelerators; a++) {
                e[i][a] = latencyNs[i][a];
            }
        }
        models.add(Model.of(id, "", layers));
        latency.add(latencyNs);
        energy.add(e);
        return models.size() - 1;
    }

    /** Sets the energy table of model {@code m}: {@code energyPj[layer][a]}. */
    void energy(int m, double[][] energyPj) {
        energy.set(m, energyPj);
    }

    /** A model of {@code layers} layers costing {@code perLayer[a]} ns on each accelerator. */
    int uniformModel(String id, int layers, long... perLayer) {
        long[][] l = new long[layers][];
        for (int i = 0; i < layers; i++) {
            l[i] = perLayer.clone();
        }
        return model(id, l);
    }

    /** Adds a task running model {@code m}. @return its index */
    int task(String id, int m) {
        tasks.add(Task.periodic(id, models.get(m).id(), 1_000_000));
        taskModel.add(m);
        return tasks.size() - 1;
    }

    /** Adds a job of task {@code t} (at the next view index). */
    Job job(long id, int t) {
        Job j = new Job(id, t);
        jobs.add(j);
        return j;
    }

    void busy(int a) {
        busy[a] = true;
    }

    @Override public long now() { return now; }
    @Override public int reasons() { return 0; }
    @Override public int taskCount() { return tasks.size(); }
    @Override public Task task(int t) { return tasks.get(t); }
    @Override public int jobCount() { return jobs.size(); }
    @Override public long jobId(int j) { return jobs.get(j).id; }
    @Override public int jobTask(int j) { return jobs.get(j).task; }
    @Override public int jobModel(int j) { return taskModel.get(jobs.get(j).task); }
    @Override public int jobVariant(int j) { return 0; }
    @Override public long jobFrame(int j) { return jobs.get(j).frame; }
    @Override public int jobPriority(int j) { return 1; }
    @Override public long arrivalNs(int j) { return jobs.get(j).arrival; }
    @Override public long deadlineNs(int j) { return jobs.get(j).deadline; }
    @Override public int nextLayer(int j) { return jobs.get(j).next; }
    @Override public int layerCount(int j) { return layerCount(jobModel(j), 0); }
    @Override public long lastRunEndNs(int j) { return jobs.get(j).arrival; }
    @Override public int lastAccelerator(int j) { return jobs.get(j).last; }
    @Override public int runningOn(int j) { return jobs.get(j).running; }
    @Override public boolean ready(int j) { return jobs.get(j).ready; }
    @Override public boolean idle(int a) { return !busy[a]; }
    @Override public double freeShare(int a) { return busy[a] ? 0 : 1; }
    @Override public long busyUntilNs(int a) { return busy[a] ? now + 1 : now; }
    @Override public long seed() { return 1; }

    @Override public int modelCount() { return models.size(); }
    @Override public Model model(int m) { return models.get(m); }
    @Override public int acceleratorCount() { return accelerators; }
    @Override public Accelerator accelerator(int a) { return Accelerator.builder("acc" + a, "fake").build(); }
    @Override public long latencyNs(int m, int variant, int layer, int a) { return latency.get(m)[layer][a]; }
    @Override public double energyPj(int m, int variant, int layer, int a) { return energy.get(m)[layer][a]; }
    @Override public int layerCount(int m, int variant) { return latency.get(m).length; }

    @Override
    public long blockLatencyNs(int m, int variant, int from, int count, int a) {
        long sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += latencyNs(m, variant, i, a);
        }
        return sum;
    }

    @Override
    public double blockEnergyPj(int m, int variant, int from, int count, int a) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += energyPj(m, variant, i, a);
        }
        return sum;
    }

    @Override
    public long remainingLatencyNs(int m, int variant, int from, int a) {
        return blockLatencyNs(m, variant, from, layerCount(m, variant) - from, a);
    }

    @Override
    public double remainingEnergyPj(int m, int variant, int from, int a) {
        return blockEnergyPj(m, variant, from, layerCount(m, variant) - from, a);
    }

    @Override
    public long remainingLatencyFastestNs(int m, int variant, int from) {
        long sum = 0;
        for (int i = from; i < layerCount(m, variant); i++) {
            long best = Long.MAX_VALUE;
            for (int a = 0; a < accelerators; a++) {
                best = Math.min(best, latencyNs(m, variant, i, a));
            }
            sum += best;
        }
        return sum;
    }
}
