package org.rtmmlab.engine.stats;

import java.util.Collection;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Mean of one figure over the seeds of a cell and its 95% confidence interval: mean &plusmn; t(0.975, n-1) x s /
 * sqrt(n), s the sample standard deviation and t the Student t quantile with n-1 degrees of freedom (commons-statistics).
 * The interval assumes the per-seed values are independent draws of a roughly normal figure; with n = 1 there is
 * none ({@link #halfWidth()} is NaN). Non-finite values (a change against a zero baseline) are left out of n.
 *
 * @param n         finite values the mean is taken over
 * @param mean      their arithmetic mean, NaN when n = 0
 * @param halfWidth half the width of the 95% interval, NaN when n &lt; 2
 */
public record MeanInterval(int n, double mean, double halfWidth) {

    /** Confidence level of the interval. */
    public static final double LEVEL = 0.95;

    /** @return the mean and interval of the finite values of {@code values} */
    public static MeanInterval of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        return new MeanInterval(n, mean, t * sd / Math.sqrt(n));
    }

    /** @return the mean and interval of the finite values of {@code values}, in their iteration order */
    public static MeanInterval of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** @return the lower end of the interval (NaN without one) */
    public double low() {
        return mean - halfWidth;
    }

    /** @return the upper end of the interval (NaN without one) */
    public double high() {
        return mean + halfWidth;
    }
}
