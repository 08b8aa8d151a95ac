package org.rtmmlab.engine.sim;

import java.util.Arrays;
import java.util.Comparator;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.metrics.XrbenchLog;

/**
 * XRBench compatibility mode: reproduces the XRBench reference runtime (docs/xrbench-runtime.md) with its own
 * float32 millisecond clock. Per event, in order: poll the load generator (at most one frame per task, injected
 * now), retire jobs that end within {@value #FP_ERROR_MARGIN} ms (accelerators by index), drop queued requests whose
 * deadline is before now, call the scheduler. The next event is the earlier of the next base tick and the earliest
 * running completion; the loop ends after the event that releases the last outstanding frame, and whatever is still
 * queued or running then is reported IN_FLIGHT and left out of the XRBench score, as the reference does.
 *
 * <p>Times handed to the scheduler and written to records are the float32 values converted with
 * {@code Math.round((double) ms * 1e6)} ns. Scenario events, task phase and jitter do not exist in XRBench and are
 * ignored here; a job changing accelerator pays no switch cost (XRBench has none).
 */
final class CompatSimulation extends Simulation {

    /** XRBench's FP_ERROR_MARGIN (1e-2f): a job ending within this many ms after now is retired now. */
    static final float FP_ERROR_MARGIN = 1e-2f;
    /** {@code (float) RAND_MAX} of glibc (2^31 - 1 rounds to 2^31). */
    private static final float RAND_MAX_F = 2147483647f;

    private final float[] interval;
    private final int[] totalFrames;
    private final int[] dispatched;
    private final int[] completions;
    private final int[] upstream;
    /** task indices sorted by model name, byte-wise (the C++ std::map order). */
    private final int[] byName;
    private final float baseTick;
    private final XrbenchLog log;
    private final int[] fetched;
    private final float[] pendingDeadline;
    private final CompatJobTimes times = new CompatJobTimes();
    private int baseFrame;
    private float nowMs;
    private float[] timers = new float[4];
    private int timerCount;

    CompatSimulation(SimulationInput in) {
        super(in);
        int n = taskCount;
        interval = new float[n];
        totalFrames = new int[n];
        dispatched = new int[n];
        completions = new int[n];
        upstream = new int[n];
        fetched = new int[n];
        pendingDeadline = new float[n];
        float horizonMs = (float) (in.horizonNs() / 1e6);
        int maxFps = 0;
        for (int t = 0; t < n; t++) {
            Task task = tasks[t];
            long periodMs = task.periodNs() / 1_000_000L;
            if (periodMs < 1 || periodMs > Integer.MAX_VALUE) {
                throw new InvalidInputException(scenario.id(), "tasks[" + t + "].periodNs",
                        "XRBench compatibility needs a period of at least 1 ms, got " + task.periodNs() + " ns");
            }
            interval[t] = (float) periodMs;
            totalFrames[t] = task.active() ? (int) Math.floor(horizonMs / interval[t]) : 0;
            dispatched[t] = -1;
            upstream[t] = task.upstream() == null ? -1 : scenario.taskIndex(task.upstream());
            maxFps = Math.max(maxFps, (int) Math.round(1e9 / task.periodNs()));
        }
        int tick = maxFps == 0 ? 0 : 1000 / maxFps;
        if (tick < 1) {
            throw new InvalidInputException(scenario.id(), "tasks",
                    "XRBench compatibility needs a maximum FPS between 1 and 1000, got " + maxFps);
        }
        baseTick = (float) tick;
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
        }
        Arrays.sort(order, Comparator.comparing((Integer t) -> modelIds[t]).thenComparing(t -> t));
        byName = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        log = new XrbenchLog(n);
        createScheduler();
    }

    static long ns(float ms) {
        return Math.round((double) ms * 1e6);
    }

    private float draw(java.util.SplittableRandom r) {
        int v = r.nextInt() >>> 1; // uniform over [0, RAND_MAX] like glibc rand()
        return (float) v / RAND_MAX_F;
    }

    @Override
    public SimulationOutcome run() {
        nowMs = 0f;
        now = 0;
        boolean first = true;
        boolean timerDue = false;
        long lastEventNs = 0;
        while (hasRemainingWork()) {
            eventCount++;
            if (first) {
                reasons |= DecisionReason.START.bit();
                first = false;
            }
            if (timerDue) {
                reasons |= DecisionReason.TIMER.bit();
            }
            fetch();
            retire();
            dropLate();
            callScheduler();
            lastEventNs = now;
            timerDue = advance();
        }
        long[] busyNs = occupancy.busyNsUntil(lastEventNs);
        reportInFlight();
        return new SimulationOutcome(metrics, log, lastEventNs, busyNs, decisionCount, dispatchCount,
                eventCount, schedulerMetrics());
    }

    private boolean hasRemainingWork() {
        for (int t = 0; t < taskCount; t++) {
            if (dispatched[t] < totalFrames[t] - 1) {
                return true;
            }
        }
        return false;
    }

    /** Polls the load generator: per task one jitter draw, then at most one frame whose arrival is due. */
    private void fetch() {
        int count = 0;
        for (int t = 0; t < taskCount; t++) {
            draw(arrivals); // XRBench computes (and never uses) a jitter value per model at every poll
            float next = interval[t] * (float) (dispatched[t] + 1);
            if (next <= nowMs && dispatched[t] != totalFrames[t] - 1) {
                float deadline = interval[t] * (float) (dispatched[t] + 2);
                dispatched[t]++;
                float u = draw(cascades);
                if (tasks[t].probability() > u) {
                    fetched[t] = 1;
                    count++;
                    pendingDeadline[t] = deadline;
                }
            }
        }
        if (count == 0) {
            return;
        }
        for (int t : byName) { // requests enter their queues in model-name order (std::map)
            if (fetched[t] != 0) {
                fetched[t] = 0;
                Job j = release(t, dispatched[t], now, ns(pendingDeadline[t]));
                times.released(j.slot, pendingDeadline[t]);
            }
        }
    }

    /** Retires jobs within the finish margin, visiting accelerators by index. */
    private void retire() {
        for (int a = 0; a < accCount; a++) {
            if (occupancy.idle(a)) {
                continue;
            }
            int n = jobs.size();
            for (int i = 0; i < n; i++) {
                Job j = jobs.get(i);
                if (j.ended || j.runningOn != a) {
                    continue;
                }
                float completion = times.completionMs(j.slot);
                if (nowMs + FP_ERROR_MARGIN >= completion) {
                    float deadline = times.deadlineMs(j.slot);
                    long end = ns(completion);
                    occupancy.vacate(a, j.blockShare, end);
                    finishBlock(j, a, ns(times.dispatchMs(j.slot)), end);
                    reasons |= DecisionReason.BLOCK_DONE.bit();
                    if (j.nextLayer == j.layerCount) {
                        completions[j.task]++;
                        log.completed(j.task, completion, deadline, (float) (j.energyPj / 1e9),
                                metrics.accuracyFactor() ? (float) costs.model(j.model).accuracyOf(j.variant) : 1f);
                        endRequest(j, completion <= deadline ? Outcome.ON_TIME : Outcome.LATE,
                                DropCause.NONE, end);
                    }
                }
            }
        }
    }

    /** Drops queued requests whose deadline is before now: passes over the tasks in name order, oldest first. */
    private void dropLate() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int t : byName) {
                Job front = oldestQueued(t);
                if (front != null && times.deadlineMs(front.slot) < nowMs) {
                    log.dropped(t);
                    endRequest(front, Outcome.DROPPED, DropCause.DEADLINE, now);
                    reasons |= DecisionReason.DROPPED.bit();
                    changed = true;
                }
            }
        }
    }

    private Job oldestQueued(int t) {
        int n = jobs.size();
        for (int i = 0; i < n; i++) {
            Job j = jobs.get(i);
            if (j.task == t && !j.ended && j.runningOn < 0 && j.nextLayer == 0) {
                return j;
            }
        }
        return null;
    }

    /** Moves the clock to the next event; @return true if a scheduler wake-up is due then. */
    private boolean advance() {
        float tick = (float) (baseFrame + 1) * baseTick;
        float next = tick;
        int n = jobs.size();
        for (int i = 0; i < n; i++) {
            Job j = jobs.get(i);
            if (!j.ended && j.runningOn >= 0) {
                next = Math.min(next, times.completionMs(j.slot));
            }
        }
        for (int i = 0; i < timerCount; i++) {
            next = Math.min(next, timers[i]);
        }
        if (next == tick) {
            baseFrame++;
        }
        boolean due = false;
        int w = 0;
        for (int i = 0; i < timerCount; i++) {
            if (timers[i] <= next) {
                due = true;
            } else {
                timers[w++] = timers[i];
            }
        }
        timerCount = w;
        nowMs = next;
        now = ns(next);
        return due;
    }

    @Override
    boolean ready(Job j) {
        if (!j.waiting()) {
            return false;
        }
        int up = upstream[j.task];
        return up < 0 || completions[up] >= j.frame + 1;
    }

    @Override
    void startBlock(Job j, int a, int layers, double share) {
        priceBlock(j, a, layers, share, false);
        float latency = (float) j.blockLatencyNs / 1e6f;
        float completion = nowMs + latency;
        times.dispatched(j.slot, nowMs, completion);
        j.runningOn = a;
        j.blockStartNs = now;
        j.blockEndNs = ns(completion);
        if (j.startNs < 0) {
            j.startNs = now;
        }
        occupancy.occupy(a, share, now, j.blockEndNs);
    }

    @Override
    void dropByPolicy(Job j) {
        log.dropped(j.task);
        endRequest(j, Outcome.DROPPED, DropCause.POLICY, now);
        reasons |= DecisionReason.DROPPED.bit();
    }

    @Override
    void wake(long timeNs) {
        float t = (float) (timeNs / 1e6);
        if (t > nowMs) {
            if (timerCount == timers.length) {
                timers = Arrays.copyOf(timers, timerCount * 2);
            }
            timers[timerCount++] = t;
        }
    }
}
