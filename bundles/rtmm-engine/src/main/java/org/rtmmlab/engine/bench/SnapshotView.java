package org.rtmmlab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * A fixed run state for timing {@code decide()}: {@code jobs} ready jobs spread round-robin over the scenario's tasks
 * (consecutive frames of each), every accelerator idle, at a time well into the run. Job {@code j} of task {@code t}
 * arrived {@code (j + 1) x 0.5 ms} ago, has its task's relative deadline from its arrival (so some are urgent and
 * some are already late), and is {@code j x 7 mod layers} layers in, on the full model; half the jobs that are in
 * progress last ran on accelerator {@code j mod accelerators}. The decisions are counted, not applied, so every call
 * sees the same jobs; only the clock moves on by 1 ns per call ({@link #advance()}), so a policy that caches work
 * per decision time cannot answer from its cache (a policy that keeps state across calls still evolves).
 * A synthetic state, not a replay: it fixes the quantity measured (jobs x accelerators), not a workload.
 */
public final class SnapshotView implements SchedulerView {

    /** Simulated time of the snapshot, ns. */
    public static final long NOW_NS = 1_000_000_000L;

    private final Scenario scenario;
    private final CostView costs;
    private long now = NOW_NS;
    private final int accelerators;
    private final int[] task;
    private final int[] model;
    private final long[] frame;
    private final long[] arrival;
    private final long[] deadline;
    private final int[] next;
    private final int[] layers;
    private final int[] last;
    private final long[] lastEnd;

    /**
     * @param scenario the scenario whose tasks the jobs belong to (at least one task)
     * @param costs    the costs of the platform (accelerator count, layer counts)
     * @param jobs     ready jobs, &ge; 1
     */
    public SnapshotView(Scenario scenario, CostView costs, int jobs) {
        this.scenario = scenario;
        this.costs = costs;
        this.accelerators = costs.acceleratorCount();
        List<String> modelIds = new ArrayList<>();
        for (int m = 0; m < costs.modelCount(); m++) {
            modelIds.add(costs.model(m).id());
        }
        List<Task> tasks = scenario.tasks();
        task = new int[jobs];
        model = new int[jobs];
        frame = new long[jobs];
        arrival = new long[jobs];
        deadline = new long[jobs];
        next = new int[jobs];
        layers = new int[jobs];
        last = new int[jobs];
        lastEnd = new long[jobs];
        for (int j = 0; j < jobs; j++) {
            int t = j % tasks.size();
            Task tk = tasks.get(t);
            task[j] = t;
            model[j] = modelIds.indexOf(tk.model());
            frame[j] = NOW_NS / tk.periodNs() - j / tasks.size();
            arrival[j] = NOW_NS - (j + 1) * 500_000L;
            deadline[j] = arrival[j] + tk.deadlineNs();
            layers[j] = costs.layerCount(model[j], 0);
            next[j] = (j * 7) % layers[j];
            boolean started = next[j] > 0 && j % 2 == 0;
            last[j] = started ? j % accelerators : -1;
            lastEnd[j] = started ? NOW_NS - 100_000L : arrival[j];
        }
    }

    /** Moves the clock on by 1 ns (between calls, outside the timed part). */
    public void advance() {
        now++;
    }

    @Override public long now() { return now; }
    @Override public int reasons() { return DecisionReason.ARRIVAL.bit() | DecisionReason.BLOCK_DONE.bit(); }
    @Override public int taskCount() { return scenario.tasks().size(); }
    @Override public Task task(int t) { return scenario.tasks().get(t); }
    @Override public int jobCount() { return task.length; }
    @Override public long jobId(int j) { return 1000L + j; }
    @Override public int jobTask(int j) { return task[j]; }
    @Override public int jobModel(int j) { return model[j]; }
    @Override public int jobVariant(int j) { return 0; }
    @Override public long jobFrame(int j) { return frame[j]; }
    @Override public int jobPriority(int j) { return scenario.tasks().get(task[j]).priority(); }
    @Override public long arrivalNs(int j) { return arrival[j]; }
    @Override public long deadlineNs(int j) { return deadline[j]; }
    @Override public int nextLayer(int j) { return next[j]; }
    @Override public int layerCount(int j) { return layers[j]; }
    @Override public long lastRunEndNs(int j) { return lastEnd[j]; }
    @Override public int lastAccelerator(int j) { return last[j]; }
    @Override public int runningOn(int j) { return -1; }
    @Override public boolean ready(int j) { return true; }
    @Override public boolean idle(int a) { return true; }
    @Override public double freeShare(int a) { return 1; }
    @Override public long busyUntilNs(int a) { return now; }
    @Override public long seed() { return 1; }

    // the platform's real costs
    @Override public int modelCount() { return costs.modelCount(); }
    @Override public Model model(int m) { return costs.model(m); }
    @Override public int acceleratorCount() { return costs.acceleratorCount(); }
    @Override public Accelerator accelerator(int a) { return costs.accelerator(a); }
    @Override public long latencyNs(int m, int v, int l, int a) { return costs.latencyNs(m, v, l, a); }
    @Override public double energyPj(int m, int v, int l, int a) { return costs.energyPj(m, v, l, a); }
    @Override public long blockLatencyNs(int m, int v, int from, int count, int a) {
        return costs.blockLatencyNs(m, v, from, count, a);
    }
    @Override public double blockEnergyPj(int m, int v, int from, int count, int a) {
        return costs.blockEnergyPj(m, v, from, count, a);
    }
    @Override public long remainingLatencyNs(int m, int v, int from, int a) {
        return costs.remainingLatencyNs(m, v, from, a);
    }
    @Override public long remainingLatencyFastestNs(int m, int v, int from) {
        return costs.remainingLatencyFastestNs(m, v, from);
    }
    @Override public double remainingEnergyPj(int m, int v, int from, int a) {
        return costs.remainingEnergyPj(m, v, from, a);
    }
    @Override public int layerCount(int m, int v) { return costs.layerCount(m, v); }
    @Override public boolean supported(int m, int v, int layer, int a) { return costs.supported(m, v, layer, a); }
    @Override public boolean blockSupported(int m, int v, int from, int count, int a) {
        return costs.blockSupported(m, v, from, count, a);
    }
}
