package org.rtmmlab.scheduler.dream;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The job part of one DREAM decision (rules 2-4 of the README): variants of the jobs not started (supernet), the
 * admission-control drops, then the (job, accelerator) pairs by {@link MapScore} while an accelerator is idle. The
 * windows, the tuner and the switcher's level stay with {@link DreamScheduler}, which hands the values in.
 * {@link IncrementalPass} is the one the policies run.
 */
interface DecisionPass {

    /**
     * @param level    the supernet level now, or -1 when the switcher is off
     * @param alpha    fairness weight now
     * @param beta     energy weight now
     * @param tolerance drop tolerance now
     * @param accTaken per accelerator, set to true when this call dispatched to it (all false on entry)
     * @return the number of jobs dropped by admission control in this call
     */
    int decide(SchedulerView v, Decisions d, int level, double alpha, double beta, double tolerance,
               boolean[] accTaken);
}
