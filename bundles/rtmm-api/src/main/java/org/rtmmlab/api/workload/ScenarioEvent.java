package org.rtmmlab.api.workload;

import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * A change of the workload at a point in simulated time, e.g. "hands appear at t = 5 s: the hand-tracking cascade
 * goes from 10% to 100%".
 *
 * @param timeNs when the event takes effect, nanoseconds since the start of the run, &gt;= 0
 * @param kind   what changes
 * @param task   id of the task it applies to
 * @param value  new period in nanoseconds for {@link Kind#SET_PERIOD}, new probability for
 *               {@link Kind#SET_PROBABILITY}, ignored (0) otherwise
 */
public record ScenarioEvent(long timeNs, Kind kind, String task, double value) {

    /** What a scenario event changes. */
    public enum Kind {
        /** The task starts releasing requests. */
        START,
        /** The task stops releasing requests; requests already released still run. */
        STOP,
        /** The task's period (and relative deadline, if it equalled the period) changes to {@code value} ns. */
        SET_PERIOD,
        /** The task's cascade probability changes to {@code value}. */
        SET_PROBABILITY
    }

    /** Validates time, kind-specific value and task id. */
    public ScenarioEvent {
        Checks.nonNegative(timeNs, "timeNs");
        Checks.present(kind, "kind");
        Checks.id(task, "task");
        switch (kind) {
            case SET_PERIOD -> {
                if (!(value >= 1) || Double.isInfinite(value)) {
                    throw new InvalidInputException("", "value", "period must be >= 1 ns, got " + value);
                }
            }
            case SET_PROBABILITY -> Checks.probability(value, "value");
            default -> value = 0;
        }
    }
}
