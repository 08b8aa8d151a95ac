package org.rtmmlab.scheduler.prema;

import java.util.HashMap;
import java.util.Map;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * PREMA's tokens (HPCA 2020, section IV-B, Algorithm 2): a job's token starts at its priority and, at every
 * scheduling point, grows by {@code priority x (time it waited since the previous point) / (its estimated isolated
 * execution time)}. Keyed by job id (look-ups only; decisions never iterate the map). Time a job spends running a
 * block does not count as waiting.
 */
final class Tokens {

    /** PREMA's priority levels, highest first: the threshold is the largest level the top token reached. */
    static final int[] LEVELS = {9, 3, 1};

    private final Map<Long, double[]> tokens = new HashMap<>();
    private long previousPointNs;

    /** Ages every job's token to {@code view.now()}; new jobs start at their priority. */
    void age(SchedulerView view) {
        long now = view.now();
        for (int j = 0; j < view.jobCount(); j++) {
            double[] t = tokens.get(view.jobId(j));
            if (t == null) {
                t = new double[] {view.jobPriority(j)};
                tokens.put(view.jobId(j), t);
            }
            if (view.runningOn(j) >= 0) {
                continue;
            }
            long waited = now - Math.max(previousPointNs, view.lastRunEndNs(j));
            if (waited > 0) {
                t[0] += view.jobPriority(j) * (double) waited / isolatedNs(view, j);
            }
        }
        previousPointNs = now;
    }

    /** @return job {@code j}'s token (its priority if it was never aged) */
    double of(SchedulerView view, int j) {
        double[] t = tokens.get(view.jobId(j));
        return t == null ? view.jobPriority(j) : t[0];
    }

    /** Forgets an ended request. */
    void forget(long requestId) {
        tokens.remove(requestId);
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
