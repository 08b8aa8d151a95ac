package org.rtmmlab.scheduler.dream;

import java.util.Arrays;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;

/**
 * The engine's view as a scheduler sees it while its variant selections are recorded, not applied: the engine applies
 * a {@code selectVariant} at once (later reads of the same call see the job's new variant and layer count), so a
 * scheduler whose decisions only go to a log reads the job's variant and layer count from here. Everything else is
 * the engine's view, read before the other twin's decisions are applied. One object per run (its identity is stable,
 * as the engine's view is).
 */
final class VariantOverlayView implements SchedulerView {

    private SchedulerView v;
    private int[] variant = new int[16];

    /** Starts a call on {@code view}: no selection yet. */
    void begin(SchedulerView view) {
        v = view;
        if (variant.length < view.jobCount()) {
            variant = new int[Math.max(view.jobCount(), variant.length * 2)];
        }
        Arrays.fill(variant, 0, view.jobCount(), -1);
    }

    /** Records a variant selection of job {@code j}. */
    void select(int j, int var) {
        variant[j] = var;
    }

    @Override public int jobVariant(int j) { return variant[j] >= 0 ? variant[j] : v.jobVariant(j); }
    @Override public int layerCount(int j) {
        return variant[j] >= 0 ? v.layerCount(v.jobModel(j), variant[j]) : v.layerCount(j);
    }

    @Override public long now() { return v.now(); }
    @Override public int reasons() { return v.reasons(); }
    @Override public int taskCount() { return v.taskCount(); }
    @Override public Task task(int t) { return v.task(t); }
    @Override public int jobCount() { return v.jobCount(); }
    @Override public long jobId(int j) { return v.jobId(j); }
    @Override public int jobTask(int j) { return v.jobTask(j); }
    @Override public int jobModel(int j) { return v.jobModel(j); }
    @Override public long jobFrame(int j) { return v.jobFrame(j); }
    @Override public int jobPriority(int j) { return v.jobPriority(j); }
    @Override public long arrivalNs(int j) { return v.arrivalNs(j); }
    @Override public long deadlineNs(int j) { return v.deadlineNs(j); }
    @Override public int nextLayer(int j) { return v.nextLayer(j); }
    @Override public long lastRunEndNs(int j) { return v.lastRunEndNs(j); }
    @Override public int lastAccelerator(int j) { return v.lastAccelerator(j); }
    @Override public int runningOn(int j) { return v.runningOn(j); }
    @Override public boolean ready(int j) { return v.ready(j); }
    @Override public boolean idle(int a) { return v.idle(a); }
    @Override public double freeShare(int a) { return v.freeShare(a); }
    @Override public long busyUntilNs(int a) { return v.busyUntilNs(a); }
    @Override public long seed() { return v.seed(); }
    @Override public int modelCount() { return v.modelCount(); }
    @Override public Model model(int m) { return v.model(m); }
    @Override public int acceleratorCount() { return v.acceleratorCount(); }
    @Override public Accelerator accelerator(int a) { return v.accelerator(a); }
    @Override public long latencyNs(int m, int var, int l, int a) { return v.latencyNs(m, var, l, a); }
    @Override public double energyPj(int m, int var, int l, int a) { return v.energyPj(m, var, l, a); }
    @Override public long blockLatencyNs(int m, int var, int from, int count, int a) {
        return v.blockLatencyNs(m, var, from, count, a);
    }
    @Override public double blockEnergyPj(int m, int var, int from, int count, int a) {
        return v.blockEnergyPj(m, var, from, count, a);
    }
    @Override public long remainingLatencyNs(int m, int var, int from, int a) {
        return v.remainingLatencyNs(m, var, from, a);
    }
    @Override public long remainingLatencyFastestNs(int m, int var, int from) {
        return v.remainingLatencyFastestNs(m, var, from);
    }
    @Override public double remainingEnergyPj(int m, int var, int from, int a) {
        return v.remainingEnergyPj(m, var, from, a);
    }
    @Override public int layerCount(int m, int var) { return v.layerCount(m, var); }
    @Override public boolean supported(int m, int var, int layer, int a) { return v.supported(m, var, layer, a); }
    @Override public boolean blockSupported(int m, int var, int from, int count, int a) {
        return v.blockSupported(m, var, from, count, a);
    }
}
