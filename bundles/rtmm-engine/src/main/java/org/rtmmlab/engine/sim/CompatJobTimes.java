package org.rtmmlab.engine.sim;

import java.util.Arrays;

/**
 * The XRBench compatibility mode's own clock values of each job (docs/xrbench-runtime.md): deadline, dispatch and
 * completion as float32 milliseconds, as the reference runtime keeps them. Indexed by the job's pool slot
 * ({@link Job#slot}), so the default engine's {@link Job} carries no compatibility-only fields. Arrays grow with
 * the pool and are reused with it.
 */
final class CompatJobTimes {

    private float[] deadlineMs = new float[16];
    private float[] dispatchMs = new float[16];
    private float[] completionMs = new float[16];

    /** A job was released into {@code slot} with {@code deadlineMs}; it has not been dispatched. */
    void released(int slot, float deadline) {
        if (slot >= deadlineMs.length) {
            int n = Math.max(slot + 1, deadlineMs.length * 2);
            deadlineMs = Arrays.copyOf(deadlineMs, n);
            dispatchMs = Arrays.copyOf(dispatchMs, n);
            completionMs = Arrays.copyOf(completionMs, n);
        }
        deadlineMs[slot] = deadline;
        dispatchMs[slot] = 0;
        completionMs[slot] = 0;
    }

    /** The job in {@code slot} was dispatched at {@code nowMs} and completes at {@code completion}. */
    void dispatched(int slot, float nowMs, float completion) {
        dispatchMs[slot] = nowMs;
        completionMs[slot] = completion;
    }

    /** @return the deadline of the job in {@code slot}, ms */
    float deadlineMs(int slot) {
        return deadlineMs[slot];
    }

    /** @return when the job in {@code slot} was last dispatched, ms */
    float dispatchMs(int slot) {
        return dispatchMs[slot];
    }

    /** @return when the block of the job in {@code slot} completes, ms */
    float completionMs(int slot) {
        return completionMs[slot];
    }
}
