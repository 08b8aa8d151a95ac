package org.rtmmlab.report.html;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Mean of a figure over the seeds of a comparison cell and its 95% confidence interval: mean &plusmn; t(0.975, n-1)
 * x s / sqrt(n) (Student t with n-1 degrees of freedom, s the sample standard deviation). Non-finite values are
 * left out; with n &lt; 2 there is no interval ({@link #halfWidth()} NaN).
 *
 * @param n         finite values
 * @param mean      their mean, NaN when n = 0
 * @param halfWidth half-width of the 95% interval, NaN when n &lt; 2
 */
record SeedInterval(int n, double mean, double halfWidth) {

    /** @return the mean and interval of the finite values */
    static SeedInterval of(List<Double> values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new SeedInterval(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new SeedInterval(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
        return new SeedInterval(n, mean, t * Math.sqrt(ss / (n - 1)) / Math.sqrt(n));
    }
}
