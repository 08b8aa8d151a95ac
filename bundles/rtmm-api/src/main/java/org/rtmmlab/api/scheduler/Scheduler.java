package org.rtmmlab.api.scheduler;

import java.util.Map;
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

    /**
     * Named figures this scheduler adds to the run's metrics (for example the values an online tuner chose per
     * window), asked once when the run ends (or when the scheduler is replaced in a running evaluation). Prefix the
     * keys with the policy id ({@code dream.alpha}); per-window figures use
     * {@link SchedulerContext#windowPrefix(int)} ({@code window.03.dream.alpha}) so reports line them up with the
     * engine's windows. A key the engine reports itself keeps the engine's value; non-finite values are left out.
     * Default: none.
     *
     * @return figures by name (may be empty, never null)
     * @since 1.2
     */
    default Map<String, Double> metrics() {
        return Map.of();
    }
}
