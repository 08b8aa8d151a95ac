package org.rtmmlab.scheduler.rtmdl;

import java.util.Arrays;

/**
 * One of RT-mDL's sub-task priority queues (CPU or GPU; Ling et al., SenSys 2021, run-time scheduler: "CPU and GPU
 * sub-tasks wait in separate priority queues"): job indices of one decision point ordered by priority (higher
 * first), then earlier absolute deadline, then lower job id. Rebuilt at every decision point by insertion into
 * arrays that only grow, so steady state allocates nothing.
 */
final class SubTaskQueue {

    private int[] jobs = new int[16];
    private int[] priority = new int[16];
    private long[] deadline = new long[16];
    private long[] id = new long[16];
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
        return priority[k];
    }

    /** Inserts a job at its place in the order. */
    void add(int job, int prio, long deadlineNs, long jobId) {
        if (size == jobs.length) {
            int n = size * 2;
            jobs = Arrays.copyOf(jobs, n);
            priority = Arrays.copyOf(priority, n);
            deadline = Arrays.copyOf(deadline, n);
            id = Arrays.copyOf(id, n);
        }
        int k = size;
        while (k > 0 && before(prio, deadlineNs, jobId, k - 1)) {
            jobs[k] = jobs[k - 1];
            priority[k] = priority[k - 1];
            deadline[k] = deadline[k - 1];
            id[k] = id[k - 1];
            k--;
        }
        jobs[k] = job;
        priority[k] = prio;
        deadline[k] = deadlineNs;
        id[k] = jobId;
        size++;
    }

    private boolean before(int prio, long deadlineNs, long jobId, int k) {
        if (prio != priority[k]) {
            return prio > priority[k];
        }
        if (deadlineNs != deadline[k]) {
            return deadlineNs < deadline[k];
        }
        return jobId < id[k];
    }
}
