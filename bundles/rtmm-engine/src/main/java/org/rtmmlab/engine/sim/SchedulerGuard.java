package org.rtmmlab.engine.sim;

import org.rtmmlab.api.scheduler.Scheduler;

/**
 * A run's policy that watches its scheduler's calls (the engine's watchdog, issue 17): a scheduler swapped in during
 * the run is put behind the same guard, so its calls are timed as the first scheduler's were.
 */
public interface SchedulerGuard {

    /**
     * @param scheduler the new scheduler of the run
     * @param policyId  its policy's id (named when the guard stops the run)
     * @return the scheduler behind the guard
     */
    Scheduler guard(Scheduler scheduler, String policyId);
}
