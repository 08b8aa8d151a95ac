package org.rtmmlab.scheduler.rtmdl;

import java.util.Arrays;

/**
 * One of RT-mDL's sub-task priority queues (CPU or GPU; Ling et al., SenSys 2021, run-time scheduler: "CPU and GPU
 * sub-tasks wait in separate priority queues"): job indices of one decision point ordered by priority (higher
 * first), then earlier absolute deadline, then lower job id. Rebuilt at every decision point: entries are appended,
 * and sorted once (a merge sort, O(n log n)) when the order is first read after an append (issue 15: inserting each
 * entry at its place cost O(n^2) when the jobs come in the reverse of the order, e.g. deadlines falling with the index).
 * Ids are unique, so the order is total and does not depend on the order of the appends.
 *
 * <p>Storage: entry {@code e} is the record {@code key[3e .. 3e+2]} = (priority, deadline, job id) and
 * {@code jobs[e]}; {@code order[k]} is the entry at position {@code k}. Arrays only grow, so steady state allocates
 * nothing.
 */
final class SubTaskQueue {

    /** Longs per entry in {@link #key}: priority, absolute deadline (ns), job id. */
    private static final int STRIDE = 3;

    private int[] jobs = new int[16];
    private long[] key = new long[16 * STRIDE];
    private int[] order = new int[16];
    private int[] scratch = new int[16];
    private int size;
    private boolean sorted = true;

    void clear() {
        size = 0;
        sorted = true;
    }

    int size() {
        return size;
    }

    /** @return the job index at position {@code k} (0 = head, the highest priority) */
    int job(int k) {
        sort();
        return jobs[order[k]];
    }

    /** @return the priority of the job at position {@code k} */
    int priority(int k) {
        sort();
        return (int) key[order[k] * STRIDE];
    }

    /** Adds a job; it takes its place in the order when the order is next read. */
    void add(int job, int prio, long deadlineNs, long jobId) {
        if (size == jobs.length) {
            int n = size * 2;
            jobs = Arrays.copyOf(jobs, n);
            key = Arrays.copyOf(key, n * STRIDE);
            order = Arrays.copyOf(order, n);
            scratch = new int[n];
        }
        jobs[size] = job;
        key[size * STRIDE] = prio;
        key[size * STRIDE + 1] = deadlineNs;
        key[size * STRIDE + 2] = jobId;
        order[size] = size;
        size++;
        sorted = false;
    }

    private void sort() {
        if (sorted) {
            return;
        }
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        // bottom-up merge sort of order[0, size) between order and scratch
        int[] from = order;
        int[] to = scratch;
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    to[k] = i < mid && (j >= hi || !before(from[j], from[i])) ? from[i++] : from[j++];
                }
            }
            int[] t = from;
            from = to;
            to = t;
        }
        if (from != order) {
            System.arraycopy(from, 0, order, 0, size);
        }
        sorted = true;
    }

    /** @return whether entry {@code a} goes before entry {@code b} */
    private boolean before(int a, int b) {
        int x = a * STRIDE;
        int y = b * STRIDE;
        if (key[x] != key[y]) {
            return key[x] > key[y];
        }
        if (key[x + 1] != key[y + 1]) {
            return key[x + 1] < key[y + 1];
        }
        return key[x + 2] < key[y + 2];
    }
}
