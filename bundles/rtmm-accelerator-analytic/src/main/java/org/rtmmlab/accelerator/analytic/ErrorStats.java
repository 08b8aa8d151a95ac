package org.rtmmlab.accelerator.analytic;

import java.util.Arrays;

/**
 * Median and 90th percentile of relative errors {@code |estimate - reference| / reference}.
 *
 * @param median median (mean of the two middle values for an even count)
 * @param p90    90th percentile, nearest rank
 * @param count  number of values
 */
public record ErrorStats(double median, double p90, int count) {

    /** @return the statistics of {@code errors} (not modified), which must be non-empty */
    static ErrorStats of(double[] errors) {
        double[] v = errors.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        double p90 = v[Math.max(0, (int) Math.ceil(0.9 * n) - 1)];
        return new ErrorStats(median, p90, n);
    }

    /** @return relative error of {@code estimate} against {@code reference} (&gt; 0) */
    static double relative(double estimate, double reference) {
        return Math.abs(estimate - reference) / reference;
    }
}
