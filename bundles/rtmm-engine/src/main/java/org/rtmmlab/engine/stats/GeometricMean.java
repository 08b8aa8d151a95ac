package org.rtmmlab.engine.stats;

import java.util.Collection;

/**
 * The geometric mean of a figure over runs (scores, energies, ratios to a baseline): exp of the mean of the logs of
 * the finite values &ge; 0; a value of 0 makes it 0; negative and non-finite values (a run without the figure) are
 * left out.
 */
public final class GeometricMean {

    private GeometricMean() {
    }

    /** @return the geometric mean of the finite values &ge; 0 (0 if one is 0), NaN if there are none */
    public static double of(double... values) {
        double logSum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                continue;
            }
            if (v == 0) {
                return 0;
            }
            logSum += Math.log(v);
            n++;
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    /** @return {@link #of(double...)} of {@code values} in their iteration order */
    public static double of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
