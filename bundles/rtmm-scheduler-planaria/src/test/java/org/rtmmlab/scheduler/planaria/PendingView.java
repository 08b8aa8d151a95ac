package org.rtmmlab.scheduler.planaria;

import java.util.Arrays;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;

/**
 * A view that shows a scheduler's own dispatches of the call in progress as the engine shows applied ones (the job is
 * running on the accelerator, no longer ready; the accelerator is busy and its free share is smaller) without
 * applying them: the twin that decides second in {@link PlanariaEquivalenceTest} sees what the applied twin saw.
 * One object per twin and run ({@link #begin} at each call), so a policy that keys its state on the view object
 * keeps it.
 */
final class PendingView implements SchedulerView {

    private SchedulerView v;
    private int[] runningOn = new int[0];
    private double[] pendingShare = new double[0];
    private boolean[] pending = new boolean[0];

    /** Starts a call on {@code view}, with no dispatch pending. */
    PendingView begin(SchedulerView view) {
        v = view;
        if (runningOn.length < view.jobCount()) {
            runningOn = new int[Math.max(view.jobCount(), 2 * runningOn.length)];
        }
        Arrays.fill(runningOn, -1);
        if (pending.length < view.acceleratorCount()) {
            pending = new boolean[view.acceleratorCount()];
            pendingShare = new double[view.acceleratorCount()];
        }
        Arrays.fill(pending, false);
        Arrays.fill(pendingShare, 0);
        return this;
    }

    /** Shows job {@code j} running on a {@code share} of accelerator {@code a}. */
    void dispatched(int j, int a, double share) {
        runningOn[j] = a;
        pending[a] = true;
        pendingShare[a] += share;
    }

    @Override public int runningOn(int j) { return runningOn[j] >= 0 ? runningOn[j] : v.runningOn(j); }
    @Override public boolean ready(int j) { return runningOn[j] < 0 && v.ready(j); }
    @Override public boolean idle(int a) { return !pending[a] && v.idle(a); }
    @Override public double freeShare(int a) { return Math.max(0, v.freeShare(a) - pendingShare[a]); }

    @Override public long now() { return v.now(); }
    @Override public int reasons() { return v.reasons(); }
    @Override public int taskCount() { return v.taskCount(); }
    @Override public Task task(int t) { return v.task(t); }
    @Override public int jobCount() { return v.jobCount(); }
    @Override public long jobId(int j) { return v.jobId(j); }
    @Override public int jobTask(int j) { return v.jobTask(j); }
    @Override public int jobModel(int j) { return v.jobModel(j); }
    @Override public int jobVariant(int j) { return v.jobVariant(j); }
    @Override public long jobFrame(int j) { return v.jobFrame(j); }
    @Override public int jobPriority(int j) { return v.jobPriority(j); }
    @Override public long arrivalNs(int j) { return v.arrivalNs(j); }
    @Override public long deadlineNs(int j) { return v.deadlineNs(j); }
    @Override public int nextLayer(int j) { return v.nextLayer(j); }
    @Override public int layerCount(int j) { return v.layerCount(j); }
    @Override public long lastRunEndNs(int j) { return v.lastRunEndNs(j); }
    @Override public int lastAccelerator(int j) { return v.lastAccelerator(j); }
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
