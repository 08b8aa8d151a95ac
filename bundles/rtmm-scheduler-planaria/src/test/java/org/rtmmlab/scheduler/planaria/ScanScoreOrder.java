package org.rtmmlab.scheduler.planaria;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The unfinished jobs of a view in {@link ScanAllocation}'s score order (feasible jobs first by score, then infeasible
 * ones by |score|; ties by earlier deadline, then lower job id), handed out one at a time from a binary heap: building
 * it is linear in the jobs and each {@link #next()} logarithmic, so an allocation that hands out a few resource units
 * does not sort the whole backlog. The score is Planaria's (see {@link ScanAllocation}), computed here without building
 * the option lists; {@code ScanAllocation.need} computes the same value for the jobs taken.
 *
 * <p>Test reference: the order main used before the incremental {@code Backlog} (issue 15), kept unchanged
 * (renamed) as the rebuild-from-the-whole-view order that the equivalence tests hold the new one to.
 */
final class ScanScoreOrder {

    private int[] heap = new int[0];
    private int size;
    private double[] score = new double[0];
    private long[] deadline = new long[0];
    private long[] id = new long[0];

    /**
     * Orders the view's unfinished jobs (those with layers left) at {@code view.now()}, replacing what this order
     * held; the arrays are kept from one allocation to the next (they only grow), so a run reuses one order.
     *
     * @return this
     */
    ScanScoreOrder fill(SchedulerView view) {
        int jobs = view.jobCount();
        if (heap.length < jobs) {
            int n = Math.max(jobs, 2 * heap.length);
            heap = new int[n];
            score = new double[n];
            deadline = new long[n];
            id = new long[n];
        }
        size = 0;
        for (int j = 0; j < jobs; j++) {
            if (view.nextLayer(j) < view.layerCount(j)) {
                score[j] = score(view, j);
                deadline[j] = view.deadlineNs(j);
                id[j] = view.jobId(j);
                heap[size++] = j;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        return this;
    }

    /** @return true when no job is left */
    boolean isEmpty() {
        return size == 0;
    }

    /** @return true when the next job is feasible (non-negative score) */
    boolean hasFeasible() {
        return size > 0 && score[heap[0]] >= 0;
    }

    /** @return the view index of the next job in score order, removed from the order */
    int next() {
        int top = heap[0];
        heap[0] = heap[--size];
        siftDown(0);
        return top;
    }

    private void siftDown(int i) {
        int j = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], j)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = j;
    }

    /** @return true if job {@code a} comes before job {@code b} (a total order: job ids are unique) */
    private boolean before(int a, int b) {
        int c = Integer.compare(score[a] >= 0 ? 0 : 1, score[b] >= 0 ? 0 : 1);
        if (c == 0) {
            c = Double.compare(-Math.abs(score[a]), -Math.abs(score[b]));
        }
        if (c == 0) {
            c = Long.compare(deadline[a], deadline[b]);
        }
        if (c == 0) {
            c = Long.compare(id[a], id[b]);
        }
        return c < 0;
    }

    /**
     * Planaria's score of job {@code j}: priority / (slack x PEs of the min-feasible option), the min-feasible option
     * being the one with the fewest PEs (then the shorter remaining time, then the lower accelerator index) whose
     * remaining time fits the slack; -priority / fastest whole-accelerator remaining time when none fits.
     */
    static double score(SchedulerView view, int j) {
        long slack = view.deadlineNs(j) - view.now();
        double bestPes = Double.NaN;
        long bestNs = 0;
        long fastestNs = Long.MAX_VALUE;
        for (int a = 0; a < view.acceleratorCount(); a++) {
            int parts = view.accelerator(a).partitions();
            for (int k = 1; k <= parts; k++) {
                long ns = ScanAllocation.remainingNs(view, j, a, k);
                if (ns <= slack) {
                    double pes = (double) view.accelerator(a).peCount() * k / view.accelerator(a).partitions();
                    // options come in ascending accelerator order, so a tie on PEs and time keeps the earlier one
                    int c = Double.isNaN(bestPes) ? -1 : Double.compare(pes, bestPes);
                    if (c < 0 || c == 0 && ns < bestNs) {
                        bestPes = pes;
                        bestNs = ns;
                    }
                }
                if (k == parts && ns < fastestNs) {
                    fastestNs = ns;
                }
            }
        }
        double priority = view.jobPriority(j);
        return Double.isNaN(bestPes) ? -priority / Math.max(1, fastestNs)
                : priority / ((double) Math.max(1, slack) * bestPes);
    }
}
