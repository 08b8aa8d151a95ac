package org.rtmmlab.scheduler.dream;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * DREAM's drop rule (admission control): a frame that can no longer be useful is dropped, with its cascaded dependents
 * (the engine drops those), instead of spending energy on it. Evidence: the DREAM abstracts (drops frames) and a 2026
 * survey ("admission control ... to reduce deadline violations during overload"); the test itself is reconstructed:
 * drop a waiting frame when {@code now + remaining latency on its best accelerator > deadline + tolerance x relative
 * deadline}, tolerance &gt;= 0. The remaining latency ignores queueing, so the test is optimistic: only frames that
 * cannot meet their deadline even alone are dropped.
 */
final class AdmissionControl {

    private AdmissionControl() {
    }

    /**
     * @param nowNs        current time
     * @param remainingNs  the frame's remaining latency on its best accelerator
     * @param arrivalNs    its release time
     * @param deadlineNs   its absolute deadline
     * @param tolerance    allowed lateness as a fraction of the relative deadline
     * @return true if the frame should be dropped
     */
    static boolean hopeless(long nowNs, long remainingNs, long arrivalNs, long deadlineNs, double tolerance) {
        double limit = deadlineNs + tolerance * (double) (deadlineNs - arrivalNs);
        return (double) nowNs + remainingNs > limit;
    }

    /**
     * Adaptive model selection before admission control (the survey's "admission control and adaptive model
     * selection"; the rule is ours): a frame that would be dropped at the level's variant takes the largest smaller
     * variant with which it can still meet its deadline (+ tolerance); if none can, it keeps the level's variant.
     * Variants are listed from largest to smallest. Whether a variant passes only turns from true to false as the
     * clock moves on ({@link #hopeless} is monotone in {@code now}).
     *
     * @return the variant job {@code j} (model {@code m}, not started) runs
     */
    static int feasibleVariant(SchedulerView v, int j, int m, int target, int variants, double tolerance) {
        for (int var = target; var < variants; var++) {
            long r = MapScore.bestRemainingNs(v, m, var, 0);
            if (!hopeless(v.now(), r, v.arrivalNs(j), v.deadlineNs(j), tolerance)) {
                return var;
            }
        }
        return target;
    }
}
