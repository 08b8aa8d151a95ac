package org.rtmmlab.scheduler.rtmdl;

import java.util.Arrays;

/**
 * One of RT-mDL's sub-task priority queues (CPU or GPU; Ling et al., SenSys 2021, run-time scheduler: "CPU and GPU
 * sub-tasks wait in separate priority queues"): job indices of one decision point ordered by priority (higher
 * first), then earlier absolute deadline, then lower job id. Rebuilt at every decision point by insertion.
 *
 * <p>Storage: entry {@code k} is the record {@code key[3k .. 3k+2]} = (priority, deadline, job id) and
 * {@code jobs[k]}, in two arrays that only grow, so steady state allocates nothing.
 */
final class SubTaskQueue {

    /** Longs per entry in {@link #key}: priority, absolute deadline (ns), job id. */
    private static final int STRIDE = 3;

    private int[] jobs = new int[16];
    private long[] key = new long[16 * STRIDE];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** @return the job index at position {@code k} (0 = head, the highest priority) */
    int job(int k) {
        return jobs[k];
    }

    /** @return the priority of the job at position {@code k} */
    int priority(int k) {
        return (int) key[k * STRIDE];
    }

    /** Inserts a job at its place in the order. */
    void add(int job, int prio, long deadlineNs, long jobId) {
        if (size == jobs.length) {
            jobs = Arrays.copyOf(jobs, size * 2);
            key = Arrays.copyOf(key, size * 2 * STRIDE);
        }
        int k = size;
        while (k > 0 && before(prio, deadlineNs, jobId, k - 1)) {
            k--;
        }
        System.arraycopy(jobs, k, jobs, k + 1, size - k);
        System.arraycopy(key, k * STRIDE, key, (k + 1) * STRIDE, (size - k) * STRIDE);
        jobs[k] = job;
        key[k * STRIDE] = prio;
        key[k * STRIDE + 1] = deadlineNs;
        key[k * STRIDE + 2] = jobId;
        size++;
    }

    /** @return whether (prio, deadline, id) goes before the entry at position {@code k} */
    private boolean before(int prio, long deadlineNs, long jobId, int k) {
        int at = k * STRIDE;
        if (prio != key[at]) {
            return prio > key[at];
        }
        if (deadlineNs != key[at + 1]) {
            return deadlineNs < key[at + 1];
        }
        return jobId < key[at + 2];
    }
}
