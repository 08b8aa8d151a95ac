package org.rtmmlab.api.scheduler;

import org.osgi.annotation.versioning.ConsumerType;
import org.rtmmlab.api.run.RequestRecord;

/**
 * The per-run, stateful part of a scheduler policy. Called single-threaded by the engine; never shared between
 * runs. It must not keep {@link SchedulerView} indices across calls (use {@link SchedulerView#jobId(int)}).
 */
@ConsumerType
public interface Scheduler {

    /**
     * Makes decisions at a decision point: dispatch blocks to idle accelerators (or free shares), drop frames,
     * pick variants, ask for a wake-up. Doing nothing is allowed (accelerators stay idle until the next event).
     */
    void decide(SchedulerView view, Decisions decisions);

    /** Called when a request ends (finished or dropped), for policies that learn online. Default: nothing. */
    default void observe(RequestRecord record) {
    }
}
