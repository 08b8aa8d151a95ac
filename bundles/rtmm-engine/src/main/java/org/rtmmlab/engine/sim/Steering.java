package org.rtmmlab.engine.sim;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.RunControl;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * The default engine's side of a {@link RunControl}: called at the top of a time step when the control asks for
 * attention or a live metrics window ends, on the run's thread. It publishes progress, closes live windows, blocks
 * while paused, sleeps to keep the pace, replaces the scheduler (a swap, or the same id returning after its plugin
 * left the catalog) and ends the run early on cancel or scheduler timeout. Nothing here changes the simulation's
 * state except a swap, so a paused or paced run gives the same records as an unsteered one.
 *
 * <p>A swap keeps queues, in-flight blocks, clocks, metrics and the wake-up timers the old scheduler asked for (they
 * still fire and call the new scheduler with reason TIMER: harmless, a scheduler may be called at any time); it does
 * not transfer the old scheduler's observe() history or internal state. The new scheduler is created with the same
 * seed as the run's first one and is called at the swap time with reason START.
 */
final class Steering {

    /** Go on with the time step. */
    static final int GO = 0;
    /** Go on, and call the (new) scheduler at this time even if no event applies. */
    static final int DECIDE = 1;
    /** End the run now. */
    static final int STOP = 2;

    private static final long MAX_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Simulation sim;
    private final RunControl control;
    private final PluginCatalog catalog;
    private final BiConsumer<SchedulerPolicy, Map<String, String>> propertyCheck;
    private final long horizon;
    private final long windowNs;
    /** the next live window boundary, or Long.MAX_VALUE without windows. */
    long nextCheckNs;

    private PluginDescriptor running;
    private SchedulerPolicy runningPolicy;
    private Map<String, String> runningProperties;
    private int phaseIndex;
    private long paceVersion = -1;
    private long anchorWallNs;
    private long anchorSimNs;
    private RunControl.Phase endPhase = RunControl.Phase.COMPLETED;
    private String endMessage = "";

    private final long[] liveCounts = new long[4];
    private final long[] prevCounts;
    private final double[] prevTerms;
    private double prevEnergyPj;

    Steering(Simulation sim, RunControl control, PluginCatalog catalog, PluginDescriptor running,
             BiConsumer<SchedulerPolicy, Map<String, String>> propertyCheck) {
        this.sim = sim;
        this.control = control;
        this.catalog = catalog;
        this.running = running;
        // the catalog's instance: the run's input may hold it behind the Evaluator's watchdog guard (issue 17)
        this.runningPolicy = running.plugin() instanceof SchedulerPolicy p ? p : sim.in.policy();
        this.runningProperties = new TreeMap<>();
        sim.in.properties().forEach((k, v) -> {
            if (!k.startsWith("engine.")) { // the scheduler's own; engine keys are the run's and stay with it
                runningProperties.put(k, v);
            }
        });
        this.propertyCheck = propertyCheck;
        this.horizon = sim.in.horizonNs();
        this.windowNs = sim.metrics.windows() == null ? 0 : sim.metrics.windows().windowNs();
        this.nextCheckNs = windowNs > 0 ? windowNs : Long.MAX_VALUE;
        prevCounts = new long[4 * sim.taskCount];
        prevTerms = new double[sim.taskCount];
    }

    /** The run starts. */
    void start() {
        control.phase(RunControl.Phase.RUNNING, "");
    }

    /** @return true if the engine must call {@link #checkpoint} before the time step at {@code t} */
    boolean due(long t) {
        return t >= nextCheckNs || control.attention() != 0;
    }

    /**
     * Handles what the control asks before the events at {@code t} are applied ({@code sim.now} is still the last
     * time processed).
     *
     * @return {@link #GO}, {@link #DECIDE} (a scheduler took over at {@code t}) or {@link #STOP}
     */
    int checkpoint(long t) {
        closeWindows(Math.min(t, horizon), false);
        int result = GO;
        while (true) {
            if (control.cancelRequested()) {
                return stop(RunControl.Phase.CANCELLED, "cancelled at t=" + sim.now + " ns");
            }
            if (control.progressRequested()) {
                control.publish(progress());
            }
            if (control.pauseRequested()) {
                control.publish(progress()); // what a paused run shows
                control.phase(RunControl.Phase.PAUSED, "");
                control.awaitResume();
                control.phase(RunControl.Phase.RUNNING, "");
                paceVersion = -1; // re-anchor: a resumed run does not race to catch up
                continue;
            }
            if (control.takeGoneCheck() && !listed(runningPolicy)) {
                int r = waitForScheduler(t);
                if (r == STOP) {
                    return STOP;
                }
                result = r;
                continue;
            }
            RunControl.SwapRequest swap = control.takeSwap();
            if (swap != null) {
                if (t >= horizon) {
                    control.swapFailed("not swapped to '" + swap.scheduler() + "': the run reached its horizon");
                } else if (swapTo(swap.scheduler(), swap.properties(), t)) {
                    result = DECIDE;
                }
                continue;
            }
            long wait = paceWait(t);
            if (wait <= 0) {
                return result;
            }
            control.await(Math.min(wait, MAX_SLEEP_NS), RunControl.WAKE_ON_CONTROL);
        }
    }

    /** @return how long to sleep so that simulated time {@code t} is not ahead of pace x wall time, ns */
    private long paceWait(long t) {
        long version = control.paceVersion(); // before the pace: a pace set in between re-anchors at the next step
        double pace = control.pace();
        if (pace <= 0) {
            return 0;
        }
        long wall = System.nanoTime();
        if (version != paceVersion) {
            paceVersion = version;
            anchorWallNs = wall;
            anchorSimNs = sim.now;
        }
        long target = anchorWallNs + (long) ((t - anchorSimNs) / pace);
        return target - wall;
    }

    private int stop(RunControl.Phase phase, String message) {
        endPhase = phase;
        endMessage = message;
        return STOP;
    }

    /** @return true if this exact policy instance is still in the catalog */
    private boolean listed(SchedulerPolicy policy) {
        for (PluginDescriptor d : catalog.plugins(PluginKind.SCHEDULER)) {
            if (d.plugin() == policy) {
                return true;
            }
        }
        return false;
    }

    /**
     * The running policy left the catalog: waits for a policy with its id, then swaps to it (recorded as a swap from
     * the id to itself with the new bundle version), or gives up after the control's scheduler timeout.
     */
    private int waitForScheduler(long t) {
        String id = running.id();
        control.publish(progress());
        control.phase(RunControl.Phase.WAITING_FOR_SCHEDULER, "waiting for scheduler " + id);
        long deadline = System.nanoTime() + control.schedulerTimeoutNs();
        while (true) {
            if (control.cancelRequested()) {
                return stop(RunControl.Phase.CANCELLED, "cancelled at t=" + sim.now + " ns while waiting for scheduler "
                        + id);
            }
            Optional<PluginDescriptor> back = catalog.find(PluginKind.SCHEDULER, id);
            if (back.isPresent()) {
                if (!swapTo(back.get(), runningProperties, t)) {
                    return stop(RunControl.Phase.FAILED, "scheduler " + id + " returned but " + control.swapError());
                }
                control.phase(RunControl.Phase.RUNNING, "");
                paceVersion = -1;
                return t < horizon ? DECIDE : GO;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return stop(RunControl.Phase.FAILED, "scheduler " + id + " did not return within "
                        + TimeUnit.NANOSECONDS.toMillis(control.schedulerTimeoutNs()) / 1000.0 + " s (stopped at t="
                        + sim.now + " ns)");
            }
            control.await(left, RunControl.WAKE_ON_CATALOG);
            control.takeGoneCheck();
        }
    }

    private boolean swapTo(String id, Map<String, String> properties, long t) {
        Optional<PluginDescriptor> d = catalog.find(PluginKind.SCHEDULER, id);
        if (d.isEmpty()) {
            control.swapFailed("not swapped: unknown scheduler '" + id + "'");
            return false;
        }
        return swapTo(d.get(), properties, t);
    }

    /** Replaces the scheduler at {@code t}; on failure the old one goes on and the control says why. */
    private boolean swapTo(PluginDescriptor to, Map<String, String> schedulerProperties, long t) {
        SchedulerPolicy policy = (SchedulerPolicy) to.plugin();
        Map<String, String> props = new TreeMap<>();
        for (Map.Entry<String, String> e : sim.in.properties().entrySet()) {
            if (e.getKey().startsWith("engine.")) {
                props.put(e.getKey(), e.getValue()); // engine options are the run's, fixed from its start
            }
        }
        Scheduler next;
        try {
            for (String key : schedulerProperties.keySet()) {
                if (key.startsWith("engine.")) {
                    throw new InvalidInputException("swap properties", key,
                            "engine properties are fixed for a run; only the scheduler's may be given");
                }
            }
            props.putAll(schedulerProperties);
            propertyCheck.accept(policy, props);
            next = sim.newScheduler(policy, props);
            if (sim.in.policy() instanceof SchedulerGuard guard) {
                next = guard.guard(next, to.id()); // the watchdog times the new scheduler too (issue 17)
            }
        } catch (RuntimeException e) {
            control.swapFailed("not swapped to '" + to.id() + "': " + e.getMessage());
            return false;
        }
        Map<String, Double> old;
        try {
            old = sim.currentSchedulerMetrics();
        } catch (RuntimeException e) { // the old plugin may be half gone: its figures are lost, the run goes on
            old = Map.of();
        }
        String prefix = "scheduler." + phaseIndex + ".";
        old.forEach((k, v) -> sim.replacedSchedulerMetrics.put(prefix + k, v));
        phaseIndex++;
        SchedulerSwap swap = new SchedulerSwap(t, running.id(), running.bundle(), running.version(), to.id(),
                to.bundle(), to.version(), schedulerProperties);
        sim.scheduler = next;
        sim.policyId = to.id();
        sim.reasons |= DecisionReason.START.bit();
        running = to;
        runningPolicy = policy;
        runningProperties = schedulerProperties;
        sim.listener.onSwap(swap);
        control.swapped(swap);
        return true;
    }

    /** @return the live figures so far (no simulation state changes) */
    RunControl.Progress progress() {
        LiveSum all = new LiveSum();
        for (int t = 0; t < sim.taskCount; t++) {
            double terms = sim.metrics.liveTotals(t, liveCounts);
            all.add(liveCounts[0], liveCounts[1], liveCounts[2], liveCounts[3], terms);
        }
        return new RunControl.Progress(sim.now, horizon, sim.policyId, all.released, all.onTime, all.late,
                all.dropped, all.score(), all.missRate(), (sim.metrics.dynamicMj() + sim.metrics.switchMj()),
                sim.decisionCount);
    }

    /** Closes every live window that ends at or before {@code t} ({@code last}: also the partial one up to t). */
    private void closeWindows(long t, boolean last) {
        while (nextCheckNs != Long.MAX_VALUE && (t >= nextCheckNs || (last && nextCheckNs - windowNs < t))) {
            long end = Math.min(nextCheckNs, t >= nextCheckNs ? nextCheckNs : t);
            control.windowClosed(window(nextCheckNs - windowNs, end));
            nextCheckNs = nextCheckNs >= horizon ? Long.MAX_VALUE : nextCheckNs + windowNs;
        }
    }

    private RunControl.LiveWindow window(long start, long end) {
        LiveSum win = new LiveSum();
        for (int t = 0; t < sim.taskCount; t++) {
            double terms = sim.metrics.liveTotals(t, liveCounts);
            int o = 4 * t;
            win.add(liveCounts[0] - prevCounts[o], liveCounts[1] - prevCounts[o + 1],
                    liveCounts[2] - prevCounts[o + 2], liveCounts[3] - prevCounts[o + 3], terms - prevTerms[t]);
            System.arraycopy(liveCounts, 0, prevCounts, o, 4);
            prevTerms[t] = terms;
        }
        double energyPj = (sim.metrics.dynamicMj() + sim.metrics.switchMj()) * 1e9;
        double energyMj = (energyPj - prevEnergyPj) / 1e9;
        prevEnergyPj = energyPj;
        return new RunControl.LiveWindow(start, end, sim.policyId, win.released, win.ended(), win.missRate(),
                energyMj, win.score());
    }

    /**
     * Live counts summed over tasks (since the start, or over one window), with the mean of the tasks' XRBench
     * scores (each task with ended requests: its score terms over its ended requests, times its QoE).
     */
    private static final class LiveSum {
        long released;
        long onTime;
        long late;
        long dropped;
        private double sum;
        private int present;

        /** Adds one task's counts and the sum of its completed requests' score terms. */
        void add(long releasedCount, long onTimeCount, long lateCount, long droppedCount, double terms) {
            released += releasedCount;
            onTime += onTimeCount;
            late += lateCount;
            dropped += droppedCount;
            long n = onTimeCount + lateCount + droppedCount;
            if (n > 0) {
                present++;
                sum += terms / n * (1.0 - (double) droppedCount / n);
            }
        }

        long ended() {
            return onTime + late + dropped;
        }

        double missRate() {
            long ended = ended();
            return ended == 0 ? 0 : (double) (late + dropped) / ended;
        }

        double score() {
            return present == 0 ? 0 : 100.0 * sum / present;
        }
    }

    /**
     * The run ended at {@code endNs} (its horizon, or earlier when stopped): closes the last live windows, publishes a
     * final progress snapshot and sets the control's final phase. A swap still pending is reported as not made.
     */
    void finish(long endNs) {
        closeWindows(endNs, true);
        RunControl.SwapRequest pending = control.takeSwap();
        if (pending != null) {
            control.swapFailed("not swapped to '" + pending.scheduler() + "': the run ended first");
        }
        control.publish(progress());
        control.phase(endPhase, endMessage);
    }

    /** @return how the run ended (COMPLETED unless cancelled or failed) */
    RunControl.Phase endPhase() {
        return endPhase;
    }

    /** @return why it ended early, or empty */
    String endMessage() {
        return endMessage;
    }
}
