package org.rtmmlab.engine.sim;

import java.util.Map;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.workload.ScenarioEvent;

/**
 * The default engine: integer-nanosecond discrete-event loop. Events at one time are applied in (kind priority,
 * insertion) order -- scenario events, block completions, releases, deadline checks, timers -- then the scheduler is
 * called once for that time. Runs cover {@code [0, horizon]}: releases happen strictly before the horizon, completions
 * and deadline drops at the horizon still count, and whatever is queued or running afterwards is reported in flight.
 */
final class DefaultSimulation extends Simulation {

    static final int EV_SCENARIO = 0;
    static final int EV_BLOCK_DONE = 1;
    static final int EV_RELEASE = 2;
    static final int EV_DEADLINE = 3;
    static final int EV_TIMER = 4;
    static final int EV_START = 5;

    private final EventQueue queue = new EventQueue(EV_BLOCK_DONE);
    private final long horizon;
    private final LoadGenerator load;
    private final boolean dropQueuedLate;

    DefaultSimulation(SimulationInput in) {
        super(in);
        this.horizon = in.horizonNs();
        this.load = new LoadGenerator(tasks, horizon, arrivals);
        this.dropQueuedLate = in.options().dropRule() == DropRule.QUEUED_LATE;
        createScheduler();
    }

    @Override
    public SimulationOutcome run() {
        queue.push(0, EV_START, 0, 0);
        load.start(queue);
        java.util.List<ScenarioEvent> events = scenario.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).timeNs() <= horizon) {
                queue.push(events.get(i).timeNs(), EV_SCENARIO, i, 0);
            }
        }
        Steering steer = steering;
        if (steer != null) {
            steer.start();
        }
        long end = horizon;
        while (!queue.isEmpty()) {
            long t = queue.peekTime();
            if (t > horizon) {
                break;
            }
            boolean decide = false;
            if (steer != null && steer.due(t)) { // one volatile read per time step when steered
                int r = steer.checkpoint(t);
                if (r == Steering.STOP) {
                    end = now; // cancelled or failed: the run ends at the last time processed
                    break;
                }
                decide = r == Steering.DECIDE;
            }
            now = t;
            boolean applied = false;
            while (queue.popAt(t)) {
                applied |= apply(queue.kind(), queue.a(), queue.b());
            }
            if ((applied || decide) && t < horizon) {
                callScheduler();
            }
        }
        if (steer != null && end == horizon && now < horizon && steer.checkpoint(horizon) == Steering.STOP) {
            end = now; // nothing happens after the last event: a paced run still takes its time up to the horizon
        }
        now = end;
        long[] busyNs = occupancy.busyNsUntil(end);
        bookUnfinishedBlocks(end);
        reportInFlight();
        Map<String, Double> schedulerFigures = schedulerMetrics();
        if (steer != null) {
            steer.finish(end);
        }
        return new SimulationOutcome(metrics, null, end, busyNs, decisionCount, dispatchCount, eventCount,
                schedulerFigures);
    }

    /**
     * A block still running at the horizon has used its accelerator (so the accelerator gets no idle energy for that
     * time) but its energy is only booked when it ends: book the part of its switch + layer energy that falls before
     * the horizon, linearly in time over the block's occupancy (our assumption: the cost models give one energy per
     * layer, not a power profile), on the job (its in-flight record shows it) and as {@code energy.unfinished.mJ}.
     */
    private void bookUnfinishedBlocks(long end) {
        jobs.compact();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.ended || j.runningOn < 0) {
                continue;
            }
            long from = j.blockStartNs - j.blockSwitchNs;
            long span = j.blockEndNs - from;
            double fraction = span <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (end - from) / (double) span));
            double pj = (j.blockEnergyPj + j.blockSwitchPj) * fraction;
            j.energyPj += pj;
            metrics.unfinishedBlock(j.task, pj);
        }
    }

    @Override
    void restart(Job j) {
        super.restart(j);
        if (dropQueuedLate) { // unstarted again: the deadline rule applies to it again (its check may have passed)
            queue.push(Math.max(j.deadlineNs, now), EV_DEADLINE, j.slot, j.generation);
        }
    }

    private boolean apply(int kind, int a, int b) {
        boolean applied = switch (kind) {
            case EV_SCENARIO -> applyScenarioEvent(scenario.events().get(a));
            case EV_BLOCK_DONE -> blockDone(jobs.slot(a), b);
            case EV_RELEASE -> periodicRelease(a, b);
            case EV_DEADLINE -> deadline(jobs.slot(a), b);
            case EV_TIMER -> {
                reasons |= DecisionReason.TIMER.bit();
                yield true;
            }
            case EV_START -> {
                reasons |= DecisionReason.START.bit();
                yield true;
            }
            default -> throw new IllegalStateException("event kind " + kind);
        };
        if (applied) {
            eventCount++;
        }
        return applied;
    }

    private boolean applyScenarioEvent(ScenarioEvent e) {
        int t = scenario.taskIndex(e.task());
        switch (e.kind()) {
            case START -> load.startTask(queue, t, now);
            case STOP -> load.stopTask(t);
            case SET_PERIOD -> load.setPeriod(queue, t, Math.round(e.value()), now);
            case SET_PROBABILITY -> load.setProbability(t, e.value());
            default -> throw new IllegalStateException(e.kind().toString());
        }
        return true;
    }

    private boolean periodicRelease(int t, int gen) {
        long frame = load.onRelease(queue, t, gen, now);
        if (frame < 0) {
            return false;
        }
        // A periodic task with probability < 1 skips the frame silently when the draw fails (frame id consumed).
        double p = tasks[t].probability();
        if (p < 1.0 && !(draw(t, frame) < p)) {
            return true;
        }
        admit(t, frame, now, now + tasks[t].deadlineNs());
        return true;
    }

    /** Releases a request and arms its deadline check. */
    private Job admit(int t, long frame, long arrival, long deadline) {
        Job j = release(t, frame, arrival, deadline);
        if (dropQueuedLate) {
            queue.push(Math.max(deadline, now), EV_DEADLINE, j.slot, j.generation);
        }
        return j;
    }

    private boolean deadline(Job j, int gen) {
        if (j.generation != gen || j.ended || j.runningOn >= 0 || j.nextLayer > 0) {
            return false;
        }
        drop(j, DropCause.DEADLINE);
        return true;
    }

    private boolean blockDone(Job j, int gen) {
        if (j.generation != gen || j.runningOn < 0) {
            throw new IllegalStateException("block completion of a job that is not running: request " + j.id);
        }
        int a = j.runningOn;
        occupancy.vacate(a, j.blockShare, now);
        finishBlock(j, a, j.blockStartNs, now);
        reasons |= DecisionReason.BLOCK_DONE.bit();
        if (j.nextLayer == j.layerCount) {
            endRequest(j, now <= j.deadlineNs ? Outcome.ON_TIME : Outcome.LATE, DropCause.NONE, now);
            for (int c : load.children(j.task)) {
                if (load.active(c) && draw(c, j.frame) < tasks[c].probability()) {
                    admit(c, j.frame, now, j.arrivalNs + tasks[c].deadlineNs());
                }
            }
        }
        return true;
    }

    /**
     * Drops a waiting job and, recursively, the dependents its frame would have triggered: each active child draws
     * its cascade probability as on a completion, and a triggered child is released and dropped at once with
     * {@link DropCause#UPSTREAM} so it is counted.
     */
    private void drop(Job j, DropCause cause) {
        endRequest(j, Outcome.DROPPED, cause, now);
        reasons |= DecisionReason.DROPPED.bit();
        for (int c : load.children(j.task)) {
            if (load.active(c) && draw(c, j.frame) < tasks[c].probability()) {
                Job child = release(c, j.frame, now, j.arrivalNs + tasks[c].deadlineNs());
                drop(child, DropCause.UPSTREAM);
            }
        }
    }

    @Override
    boolean ready(Job j) {
        return j.waiting();
    }

    @Override
    void startBlock(Job j, int a, int layers, double share) {
        priceBlock(j, a, layers, share, true);
        long start = now + j.blockSwitchNs;
        long end = start + j.blockLatencyNs;
        j.runningOn = a;
        j.blockStartNs = start;
        j.blockEndNs = end;
        if (j.startNs < 0) {
            j.startNs = start;
        }
        occupancy.occupy(a, share, now, end);
        queue.push(end, EV_BLOCK_DONE, j.slot, j.generation);
    }

    @Override
    void dropByPolicy(Job j) {
        drop(j, DropCause.POLICY);
    }

    @Override
    void wake(long timeNs) {
        if (timeNs <= horizon) {
            queue.push(timeNs, EV_TIMER, 0, 0);
        }
    }
}
