package org.rtmmlab.api.scheduler;

/** Why the engine calls the scheduler at this time; several reasons can hold at once. */
public enum DecisionReason {
    /** The run starts (time 0), or a new scheduler took over a running evaluation. */
    START,
    /** At least one request was released. */
    ARRIVAL,
    /** At least one block finished (its accelerator share is free again). */
    BLOCK_DONE,
    /** A request was dropped by the engine's deadline rule or a cascade. */
    DROPPED,
    /** A wake-up the scheduler asked for with {@link Decisions#wakeAt(long)} is due. */
    TIMER;

    /** @return the bit of this reason in {@link SchedulerView#reasons()} */
    public int bit() {
        return 1 << ordinal();
    }
}
