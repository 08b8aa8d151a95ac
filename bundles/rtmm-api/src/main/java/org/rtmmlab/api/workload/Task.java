package org.rtmmlab.api.workload;

import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * A model instance in a scenario: how often it is requested and by when each request must finish.
 *
 * <p>A periodic task ({@code upstream == null}) releases a request every {@code periodNs}, starting at
 * {@code phaseNs}, each delayed by a uniform draw in [0, jitterNs]. A cascaded task is triggered by its upstream
 * task: when the upstream request of a frame completes, a request of this task for the same frame is released with
 * {@code probability}; in XRBench-compatibility mode the task keeps its own period and only waits for upstream
 * completions (see docs/simulation.md).
 *
 * @param id          task id, unique within the scenario (usually the model id)
 * @param model       id of the {@link Model} this task runs
 * @param periodNs    release period in nanoseconds, &gt; 0 (1e9 / FPS)
 * @param deadlineNs  relative deadline in nanoseconds, &gt; 0 (default = period)
 * @param jitterNs    maximum release jitter in nanoseconds, &gt;= 0
 * @param phaseNs     release time of frame 0 in nanoseconds, &gt;= 0
 * @param priority    priority, higher = more important, &gt; 0 (1 when the scenario gives none)
 * @param upstream    id of the task that triggers this one, or {@code null} for a periodic task
 * @param probability probability in [0, 1] that an upstream completion triggers this task; for a periodic task, that
 *                    a release happens (a failed draw skips the frame; 1 = every period, the usual case)
 * @param active      whether the task runs from time 0 (a {@link ScenarioEvent} may start it later)
 */
public record Task(String id, String model, long periodNs, long deadlineNs, long jitterNs, long phaseNs,
                   int priority, String upstream, double probability, boolean active) {

    /** Validates ids, times and probability. */
    public Task {
        Checks.id(id, "id");
        Checks.id(model, "model");
        Checks.positive(periodNs, "periodNs");
        Checks.positive(deadlineNs, "deadlineNs");
        Checks.nonNegative(jitterNs, "jitterNs");
        Checks.nonNegative(phaseNs, "phaseNs");
        Checks.positive(priority, "priority");
        Checks.probability(probability, "probability");
        if (upstream != null && upstream.equals(id)) {
            throw new InvalidInputException("", "upstream", "task " + id + " cannot be triggered by itself");
        }
        if (upstream != null && upstream.isBlank()) {
            upstream = null;
        }
    }

    /** A periodic task with deadline = period, no jitter, priority 1, active from 0. */
    public static Task periodic(String id, String model, long periodNs) {
        return new Task(id, model, periodNs, periodNs, 0, 0, 1, null, 1.0, true);
    }

    /** A cascaded task triggered by {@code upstream} with {@code probability}, deadline = period. */
    public static Task cascaded(String id, String model, long periodNs, String upstream, double probability) {
        return new Task(id, model, periodNs, periodNs, 0, 0, 1, upstream, probability, true);
    }

    /** @return true if this task is triggered by an upstream task */
    public boolean cascaded() {
        return upstream != null;
    }
}
