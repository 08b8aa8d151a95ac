package org.rtmmlab.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * A hand-built {@link SchedulerView} for unit tests of a policy's decisions, without the engine: accelerators (with
 * partitions and PE counts), models given as latency tables {@code latencyNs[layer][accelerator]} (energy = latency
 * unless set), tasks, and jobs whose state is set fluently. Only variant 0 exists. Pair it with {@link HandDecisions},
 * which checks each decision as the engine would. {@link #context(Map)} gives a matching {@link SchedulerContext}
 * (scenario, platform, these costs) for policies that plan in {@code create()}.
 */
public final class HandView implements SchedulerView {

    /** One job of the view; setters return this. */
    public static final class Job {
        final long id;
        final int task;
        long frame;
        long arrival;
        long deadline = 1_000_000_000L;
        int next;
        int running = -1;
        int last = -1;
        long lastEnd = -1;
        boolean ready = true;

        Job(long id, int task) {
            this.id = id;
            this.task = task;
        }

        /** @param v frame number @return this */
        public Job frame(long v) { frame = v; return this; }
        /** @param v arrival time, ns @return this */
        public Job arrival(long v) { arrival = v; return this; }
        /** @param v absolute deadline, ns @return this */
        public Job deadline(long v) { deadline = v; return this; }
        /** @param v next layer to run @return this */
        public Job next(int v) { next = v; return this; }
        /** @param a accelerator the job last ran on @param endNs when that block ended @return this */
        public Job ranOn(int a, long endNs) { last = a; lastEnd = endNs; return this; }
        /** Marks the job as waiting for an engine-enforced dependency. @return this */
        public Job notReady() { ready = false; return this; }
        /** Marks the job as running a block on accelerator {@code a}. @return this */
        public Job running(int a) { running = a; ready = false; return this; }
    }

    private final List<Accelerator> accelerators = new ArrayList<>();
    private final List<Double> used = new ArrayList<>();
    private final List<Model> models = new ArrayList<>();
    private final List<long[][]> latency = new ArrayList<>();
    private final List<double[][]> energy = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Integer> taskModel = new ArrayList<>();
    private final List<Integer> priorities = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private long now;
    private int reasons;

    /** An empty view at time 0. */
    public HandView() {
    }

    /** Adds a whole accelerator with {@code peCount} PEs. @return its index */
    public int accelerator(String id, int peCount) {
        return accelerator(id, peCount, 1);
    }

    /** Adds an accelerator with {@code peCount} PEs and {@code partitions} spatial partitions. @return its index */
    public int accelerator(String id, int peCount, int partitions) {
        accelerators.add(Accelerator.builder(id, "hand").peCount(peCount).partitions(partitions).build());
        used.add(0.0);
        return accelerators.size() - 1;
    }

    /** Adds a model; {@code latencyNs[layer][accelerator]}; each layer's energy equals its latency. @return index */
    public int model(String id, long[][] latencyNs) {
        List<Layer> layers = new ArrayList<>();
        double[][] e = new double[latencyNs.length][];
        for (int i = 0; i < latencyNs.length; i++) {
            layers.add(Layer.conv("l" + i, 1, 1, 1, 1, 1, 1, 1));
            e[i] = new double[latencyNs[i].length];
            for (int a = 0; a < e[i].length; a++) {
                e[i][a] = latencyNs[i][a];
            }
        }
        return model(Model.of(id, "", layers), latencyNs, e);
    }

    /** Adds a model with its own layers (e.g. for MAC counts) and cost tables. @return its index */
    public int model(Model model, long[][] latencyNs, double[][] energyPj) {
        models.add(model);
        latency.add(latencyNs);
        energy.add(energyPj);
        return models.size() - 1;
    }

    /** Adds a periodic task of model {@code m} (deadline = period, priority 1). @return its index */
    public int task(String id, int m, long periodNs) {
        return task(Task.periodic(id, models.get(m).id(), periodNs));
    }

    /** Adds a task; its model must have been added. @return its index */
    public int task(Task task) {
        int m = -1;
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).id().equals(task.model())) {
                m = i;
            }
        }
        if (m < 0) {
            throw new IllegalArgumentException("unknown model " + task.model());
        }
        tasks.add(task);
        taskModel.add(m);
        priorities.add(task.priority());
        return tasks.size() - 1;
    }

    /** Adds a job of task {@code t} at the next view index. @return the job, for setting its state */
    public Job job(long id, int t) {
        Job j = new Job(id, t);
        jobs.add(j);
        return j;
    }

    /** Marks {@code share} of accelerator {@code a} as used by running blocks. @return this */
    public HandView busy(int a, double share) {
        used.set(a, share);
        return this;
    }

    /** Sets the current time. @return this */
    public HandView at(long nowNs) {
        now = nowNs;
        return this;
    }

    /** Sets the reasons bit set. @return this */
    public HandView because(int reasonBits) {
        reasons = reasonBits;
        return this;
    }

    /** @return the scenario of these models and tasks (id {@code hand}, 1 s) */
    public Scenario scenario() {
        return new Scenario("hand", "", models, tasks, List.of(), 1_000_000_000L);
    }

    /** @return the platform of these accelerators (id {@code hand}) */
    public Platform platform() {
        return new Platform("hand", "", accelerators);
    }

    /** @return a context for {@code create()}: this view's scenario, platform and costs, with {@code properties} */
    public SchedulerContext context(Map<String, String> properties) {
        Map<String, String> sorted = new TreeMap<>(properties);
        Scenario s = scenario();
        Platform p = platform();
        CostView costs = this;
        return new SchedulerContext() {
            @Override public Scenario scenario() { return s; }
            @Override public Platform platform() { return p; }
            @Override public CostView costs() { return costs; }
            @Override public boolean xrbenchCompat() { return false; }
            @Override public long seed() { return 1; }
            @Override public Map<String, String> properties() { return sorted; }
        };
    }

    @Override public long now() { return now; }
    @Override public int reasons() { return reasons; }
    @Override public int taskCount() { return tasks.size(); }
    @Override public Task task(int t) { return tasks.get(t); }
    @Override public int jobCount() { return jobs.size(); }
    @Override public long jobId(int j) { return jobs.get(j).id; }
    @Override public int jobTask(int j) { return jobs.get(j).task; }
    @Override public int jobModel(int j) { return taskModel.get(jobs.get(j).task); }
    @Override public int jobVariant(int j) { return 0; }
    @Override public long jobFrame(int j) { return jobs.get(j).frame; }
    @Override public int jobPriority(int j) { return priorities.get(jobs.get(j).task); }
    @Override public long arrivalNs(int j) { return jobs.get(j).arrival; }
    @Override public long deadlineNs(int j) { return jobs.get(j).deadline; }
    @Override public int nextLayer(int j) { return jobs.get(j).next; }
    @Override public int layerCount(int j) { return layerCount(jobModel(j), 0); }
    @Override public int lastAccelerator(int j) { return jobs.get(j).last; }
    @Override public int runningOn(int j) { return jobs.get(j).running; }
    @Override public boolean ready(int j) { return jobs.get(j).ready; }
    @Override public boolean idle(int a) { return used.get(a) == 0; }
    @Override public double freeShare(int a) { return 1 - used.get(a); }
    @Override public long busyUntilNs(int a) { return idle(a) ? now : now + 1; }
    @Override public long seed() { return 1; }

    @Override
    public long lastRunEndNs(int j) {
        Job job = jobs.get(j);
        return job.lastEnd >= 0 ? job.lastEnd : job.arrival;
    }

    @Override public int modelCount() { return models.size(); }
    @Override public Model model(int m) { return models.get(m); }
    @Override public int acceleratorCount() { return accelerators.size(); }
    @Override public Accelerator accelerator(int a) { return accelerators.get(a); }
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
            for (int a = 0; a < accelerators.size(); a++) {
                best = Math.min(best, latencyNs(m, variant, i, a));
            }
            sum += best;
        }
        return sum;
    }
}
