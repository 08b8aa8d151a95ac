package org.rtmmlab.scheduler.prema;

import java.util.HashMap;
import java.util.Map;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * PREMA's tokens (HPCA 2020, section IV-B, Algorithm 2): a job's token starts at its priority and, at every
 * scheduling point, grows by {@code priority x (time it waited since the previous point) / (its estimated isolated
 * execution time)}. Time a job spends running a block does not count as waiting.
 */
final class Tokens {

    /** PREMA's priority levels, highest first: the threshold is the largest level the top token reached. */
    static final int[] LEVELS = {9, 3, 1};

    /**
     * The tokens of the view's jobs as of the last {@link #age}, in view order. A run's view lists its jobs in release
     * order, so their ids ascend: the next aging walks the view and these arrays side by side, with no look-up or
     * boxing per job. A view whose ids do not ascend (a hand-built one) switches this instance to {@link #byId}.
     */
    private long[] ids = new long[0];
    private double[] values = new double[0];
    private int count;
    private long[] nextIds = new long[0];
    private double[] nextValues = new double[0];
    /** Tokens keyed by job id, once a view's ids did not ascend; null before. */
    private Map<Long, double[]> byId;
    private long previousPointNs;

    /** Ages every job's token to {@code view.now()}; new jobs start at their priority. */
    void age(SchedulerView view) {
        if (byId == null && !ageInOrder(view)) {
            byId = new HashMap<>();
            for (int i = 0; i < count; i++) {
                byId.put(ids[i], new double[] {values[i]});
            }
        }
        if (byId != null) {
            ageById(view);
        }
        previousPointNs = view.now();
    }

    /** Ages along the view when its ids ascend; @return false (nothing changed) when they do not */
    private boolean ageInOrder(SchedulerView view) {
        int n = view.jobCount();
        if (nextIds.length < n) {
            nextIds = new long[Math.max(n, 2 * nextIds.length)];
            nextValues = new double[nextIds.length];
        }
        int k = 0;
        for (int j = 0; j < n; j++) {
            long id = view.jobId(j);
            if (j > 0 && id <= nextIds[j - 1]) {
                return false;
            }
            while (k < count && ids[k] < id) {
                k++;
            }
            double t = k < count && ids[k] == id ? values[k] : view.jobPriority(j);
            nextIds[j] = id;
            nextValues[j] = aged(view, j, t);
        }
        long[] i = ids;
        double[] v = values;
        ids = nextIds;
        values = nextValues;
        nextIds = i;
        nextValues = v;
        count = n;
        return true;
    }

    private void ageById(SchedulerView view) {
        for (int j = 0; j < view.jobCount(); j++) {
            double[] t = byId.get(view.jobId(j));
            if (t == null) {
                t = new double[] {view.jobPriority(j)};
                byId.put(view.jobId(j), t);
            }
            t[0] = aged(view, j, t[0]);
        }
    }

    /** @return token {@code t} of job {@code j} plus what it earned waiting since the previous point */
    private double aged(SchedulerView view, int j, double t) {
        if (view.runningOn(j) >= 0) {
            return t;
        }
        long waited = view.now() - Math.max(previousPointNs, view.lastRunEndNs(j));
        return waited > 0 ? t + view.jobPriority(j) * (double) waited / isolatedNs(view, j) : t;
    }

    /** @return job {@code j}'s token (its priority if it was never aged) */
    double of(SchedulerView view, int j) {
        long id = view.jobId(j);
        if (byId != null) {
            double[] t = byId.get(id);
            return t == null ? view.jobPriority(j) : t[0];
        }
        if (j < count && ids[j] == id) {
            return values[j];
        }
        int i = java.util.Arrays.binarySearch(ids, 0, count, id);
        return i >= 0 ? values[i] : view.jobPriority(j);
    }

    /** Forgets an ended request (in view order an ended job drops out at the next aging by itself). */
    void forget(long requestId) {
        if (byId != null) {
            byId.remove(requestId);
        }
    }

    /** @return the largest of {@link #LEVELS} that {@code topToken} reached, 0 if none */
    static int threshold(double topToken) {
        for (int level : LEVELS) {
            if (topToken >= level) {
                return level;
            }
        }
        return 0;
    }

    /** @return the job's estimated isolated execution time (every layer on its fastest accelerator), at least 1 ns */
    static long isolatedNs(SchedulerView view, int j) {
        return Math.max(1, view.remainingLatencyFastestNs(view.jobModel(j), view.jobVariant(j), 0));
    }
}
