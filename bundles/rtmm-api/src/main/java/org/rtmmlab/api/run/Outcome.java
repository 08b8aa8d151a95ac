package org.rtmmlab.api.run;

/** The one account every released request ends in. */
public enum Outcome {
    /** Completed at or before its deadline. */
    ON_TIME,
    /** Completed after its deadline. */
    LATE,
    /** Dropped by the policy, the deadline rule or an upstream drop (see {@link DropCause}). */
    DROPPED,
    /** Still queued or running when the run ended. */
    IN_FLIGHT
}
