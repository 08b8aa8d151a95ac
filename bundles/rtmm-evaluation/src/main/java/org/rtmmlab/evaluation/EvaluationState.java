package org.rtmmlab.evaluation;

/** Where an evaluation is in its life. The last five are final. */
public enum EvaluationState {
    /** Waiting for a worker. */
    QUEUED,
    /** Simulating. */
    RUNNING,
    /** Paused by the user; simulated time stands still. */
    PAUSED,
    /** The running scheduler's bundle went away; resumes when a scheduler with that id returns, or fails on timeout. */
    WAITING_FOR_SCHEDULER,
    /** Ended normally; results published. */
    FINISHED,
    /** Ended by an error (bad input found late, a plugin fault, a scheduler timeout); what it measured is kept. */
    FAILED,
    /** Cancelled by the user; what it measured is kept. */
    CANCELLED,
    /** Found unfinished when the container started (it was killed); partial files are kept apart. */
    INTERRUPTED;

    /** @return true for states an evaluation never leaves */
    public boolean isFinal() {
        return ordinal() >= FINISHED.ordinal();
    }
}
