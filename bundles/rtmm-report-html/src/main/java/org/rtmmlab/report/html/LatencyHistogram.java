package org.rtmmlab.report.html;

import java.util.Arrays;

/**
 * Latencies of one model in logarithmic buckets (1 % wide): constant memory however long the run, quantiles and
 * the CDF exact to 1 %. Bucket {@code b} holds latencies in [1.01^b, 1.01^(b+1)) ns; uses {@link StrictMath} so
 * the buckets, and the report, are the same on every JVM.
 */
final class LatencyHistogram {

    /** Bucket width ratio. */
    static final double RATIO = 1.01;
    private static final double LOG_RATIO = StrictMath.log(RATIO);

    private long[] counts = new long[64];
    private int lowest = Integer.MAX_VALUE;
    private int highest = -1;
    private long total;

    /** Adds one latency, ns; values below 1 ns count as 1 ns. */
    void add(long ns) {
        int b = bucket(ns);
        if (b >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(b + 1, counts.length * 2));
        }
        counts[b]++;
        lowest = Math.min(lowest, b);
        highest = Math.max(highest, b);
        total++;
    }

    static int bucket(long ns) {
        return ns <= 1 ? 0 : (int) StrictMath.floor(StrictMath.log(ns) / LOG_RATIO);
    }

    /** @return upper edge of bucket {@code b}, ns */
    static double upper(int b) {
        return StrictMath.pow(RATIO, b + 1);
    }

    /** @return lower edge of bucket {@code b}, ns */
    static double lower(int b) {
        return b == 0 ? 0 : StrictMath.pow(RATIO, b);
    }

    /** @return latencies added */
    long count() {
        return total;
    }

    /** @return the upper edge (ns) of the bucket holding quantile {@code q} in [0, 1], NaN if empty */
    double quantileNs(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int b = lowest; b <= highest; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return upper(b);
            }
        }
        return upper(highest);
    }

    /**
     * @return the CDF as {xs (ms), ys (fraction)}: starts at (lower edge of the first bucket, 0), then one point per
     *         non-empty bucket at its upper edge; empty arrays if no latency was added
     */
    double[][] cdfMs() {
        if (total == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        int n = 1;
        for (int b = lowest; b <= highest; b++) {
            n += counts[b] > 0 ? 1 : 0;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        xs[0] = lower(lowest) / 1e6;
        int i = 1;
        long seen = 0;
        for (int b = lowest; b <= highest; b++) {
            if (counts[b] > 0) {
                seen += counts[b];
                xs[i] = upper(b) / 1e6;
                ys[i] = (double) seen / total;
                i++;
            }
        }
        return new double[][] {xs, ys};
    }
}
