package org.rtmmlab.scheduler.dream;

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
}
