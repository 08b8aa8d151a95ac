package org.rtmmlab.engine.sim;

import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;

/**
 * The engine's read-only {@link SchedulerView}: thin index-based accessors over the simulation's arrays, no
 * allocation. The job count is frozen at the start of each decision so indices stay valid while decisions are
 * applied (a job dropped or dispatched during the call keeps its index and shows its new state).
 */
final class EngineView implements SchedulerView {

    private final Simulation sim;
    private final CostTables costs;
    private int count;
    /** the job table's array at the start of the decision (entries below {@link #count} stay valid during it). */
    private Job[] jobs = new Job[0];

    EngineView(Simulation sim) {
        this.sim = sim;
        this.costs = sim.costs;
    }

    void begin(int jobCount, Job[] table) {
        count = jobCount;
        jobs = table;
    }

    Job job(int j) {
        if (j < 0 || j >= count) {
            throw new IndexOutOfBoundsException("job index " + j + " outside 0.." + (count - 1));
        }
        return jobs[j];
    }

    @Override
    public long now() {
        return sim.nowNs();
    }

    @Override
    public int reasons() {
        return sim.reasons;
    }

    @Override
    public int taskCount() {
        return sim.taskCount;
    }

    @Override
    public Task task(int t) {
        return sim.tasks[t];
    }

    @Override
    public int jobCount() {
        return count;
    }

    @Override
    public long jobId(int j) {
        return job(j).id;
    }

    @Override
    public int jobTask(int j) {
        return job(j).task;
    }

    @Override
    public int jobModel(int j) {
        return job(j).model;
    }

    @Override
    public int jobVariant(int j) {
        return job(j).variant;
    }

    @Override
    public long jobFrame(int j) {
        return job(j).frame;
    }

    @Override
    public int jobPriority(int j) {
        return sim.tasks[job(j).task].priority();
    }

    @Override
    public long arrivalNs(int j) {
        return job(j).arrivalNs;
    }

    @Override
    public long deadlineNs(int j) {
        return job(j).deadlineNs;
    }

    @Override
    public int nextLayer(int j) {
        return job(j).nextLayer;
    }

    @Override
    public int layerCount(int j) {
        return job(j).layerCount;
    }

    @Override
    public long lastRunEndNs(int j) {
        return job(j).lastEndNs;
    }

    @Override
    public int lastAccelerator(int j) {
        return job(j).lastAccelerator;
    }

    @Override
    public int runningOn(int j) {
        return job(j).runningOn;
    }

    @Override
    public boolean ready(int j) {
        return sim.ready(job(j));
    }

    @Override
    public boolean idle(int a) {
        return sim.occupancy.idle(a);
    }

    @Override
    public double freeShare(int a) {
        return sim.occupancy.freeShare(a);
    }

    @Override
    public long busyUntilNs(int a) {
        return sim.occupancy.busyUntilNs(a, sim.nowNs());
    }

    @Override
    public long seed() {
        return sim.schedulerSeed;
    }

    // CostView: delegated to the precomputed tables

    @Override
    public int modelCount() {
        return costs.modelCount();
    }

    @Override
    public Model model(int m) {
        return costs.model(m);
    }

    @Override
    public int acceleratorCount() {
        return costs.acceleratorCount();
    }

    @Override
    public Accelerator accelerator(int a) {
        return costs.accelerator(a);
    }

    @Override
    public long latencyNs(int m, int variant, int layer, int a) {
        return costs.latencyNs(m, variant, layer, a);
    }

    @Override
    public double energyPj(int m, int variant, int layer, int a) {
        return costs.energyPj(m, variant, layer, a);
    }

    @Override
    public long blockLatencyNs(int m, int variant, int from, int n, int a) {
        return costs.blockLatencyNs(m, variant, from, n, a);
    }

    @Override
    public double blockEnergyPj(int m, int variant, int from, int n, int a) {
        return costs.blockEnergyPj(m, variant, from, n, a);
    }

    @Override
    public long remainingLatencyNs(int m, int variant, int from, int a) {
        return costs.remainingLatencyNs(m, variant, from, a);
    }

    @Override
    public long remainingLatencyFastestNs(int m, int variant, int from) {
        return costs.remainingLatencyFastestNs(m, variant, from);
    }

    @Override
    public double remainingEnergyPj(int m, int variant, int from, int a) {
        return costs.remainingEnergyPj(m, variant, from, a);
    }

    @Override
    public int layerCount(int m, int variant) {
        return costs.layerCount(m, variant);
    }

    @Override
    public boolean supported(int m, int variant, int layer, int a) {
        return costs.supported(m, variant, layer, a);
    }

    @Override
    public boolean blockSupported(int m, int variant, int from, int count, int a) {
        return costs.blockSupported(m, variant, from, count, a);
    }
}
