package org.rtmmlab.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rtmmlab.api.workload.Task;

/**
 * Default-mode release timing of periodic tasks: frame {@code i} is due at its nominal time
 * ({@code phase + i x period}, re-anchored by START and SET_PERIOD events) plus a uniform jitter draw in
 * {@code [0, jitter]}. Each task keeps one pending release event; a generation counter invalidates the pending event
 * when an event changes the task. Also holds the cascade graph (children of each task, scenario order) and which
 * tasks are active. Releases at or after the horizon are never scheduled.
 */
final class LoadGenerator {

    private final Task[] tasks;
    private final long horizonNs;
    private final SplittableRandom jitter;
    private final boolean[] active;
    private final int[] generation;
    private final long[] pendingNominal;
    private final long[] lastNominal;
    private final long[] nextFrame;
    private final int[][] children;

    LoadGenerator(Task[] tasks, long horizonNs, SplittableRandom jitter) {
        this.tasks = tasks;
        this.horizonNs = horizonNs;
        this.jitter = jitter;
        int n = tasks.length;
        active = new boolean[n];
        generation = new int[n];
        pendingNominal = new long[n];
        lastNominal = new long[n];
        nextFrame = new long[n];
        children = new int[n][];
        for (int t = 0; t < n; t++) {
            active[t] = tasks[t].active();
            lastNominal[t] = -1;
            List<Integer> kids = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (tasks[t].id().equals(tasks[c].upstream())) {
                    kids.add(c);
                }
            }
            children[t] = kids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Schedules the first release of every active periodic task. */
    void start(EventQueue q) {
        for (int t = 0; t < tasks.length; t++) {
            if (active[t] && !tasks[t].cascaded()) {
                schedule(q, t, tasks[t].phaseNs(), 0);
            }
        }
    }

    private void schedule(EventQueue q, int t, long nominal, long now) {
        pendingNominal[t] = nominal;
        long j = tasks[t].jitterNs();
        long at = nominal + (j > 0 ? jitter.nextLong(j + 1) : 0);
        at = Math.max(at, now);
        if (at < horizonNs) {
            q.push(at, DefaultSimulation.EV_RELEASE, t, generation[t]);
        }
    }

    /**
     * A release event of task {@code t} fired.
     *
     * @return the frame number to release, or -1 if the event is stale (task stopped or re-timed since)
     */
    long onRelease(EventQueue q, int t, int gen, long now) {
        if (gen != generation[t] || !active[t]) {
            return -1;
        }
        long frame = nextFrame[t]++;
        lastNominal[t] = pendingNominal[t];
        schedule(q, t, pendingNominal[t] + tasks[t].periodNs(), now);
        return frame;
    }

    /** @return true if task {@code t} currently releases or triggers requests */
    boolean active(int t) {
        return active[t];
    }

    /** @return the cascaded tasks triggered by task {@code t}, scenario order */
    int[] children(int t) {
        return children[t];
    }

    /** START: a stopped task resumes releasing at {@code max(now, phase)}. */
    void startTask(EventQueue q, int t, long now) {
        if (active[t]) {
            return;
        }
        active[t] = true;
        generation[t]++;
        if (!tasks[t].cascaded()) {
            schedule(q, t, Math.max(now, tasks[t].phaseNs()), now);
        }
    }

    /** STOP: no further releases; requests already released still run. */
    void stopTask(int t) {
        active[t] = false;
        generation[t]++;
    }

    /**
     * SET_PERIOD: the task's period (and its relative deadline if it equalled the old period) changes; the next
     * release is re-anchored to {@code max(now, last nominal release + new period)}.
     */
    void setPeriod(EventQueue q, int t, long periodNs, long now) {
        Task o = tasks[t];
        long deadline = o.deadlineNs() == o.periodNs() ? periodNs : o.deadlineNs();
        tasks[t] = new Task(o.id(), o.model(), periodNs, deadline, o.jitterNs(), o.phaseNs(), o.priority(),
                o.upstream(), o.probability(), o.active());
        if (active[t] && !o.cascaded()) {
            generation[t]++;
            long nominal = lastNominal[t] >= 0 ? Math.max(now, lastNominal[t] + periodNs)
                    : Math.max(now, pendingNominal[t]);
            schedule(q, t, nominal, now);
        }
    }

    /** SET_PROBABILITY: new trigger probability. */
    void setProbability(int t, double p) {
        Task o = tasks[t];
        tasks[t] = new Task(o.id(), o.model(), o.periodNs(), o.deadlineNs(), o.jitterNs(), o.phaseNs(), o.priority(),
                o.upstream(), p, o.active());
    }
}
