package org.rtmmlab.engine.metrics;

import java.util.Arrays;

/** Growable array of long samples (e.g. latencies in ns) with nearest-rank percentiles; no boxing. */
public final class LongSamples {

    private long[] values = new long[64];
    private int size;
    private boolean sorted = true;

    /** Adds one sample. */
    public void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        if (size > 0 && v < values[size - 1]) {
            sorted = false;
        }
        values[size++] = v;
    }

    /** @return number of samples */
    public int size() {
        return size;
    }

    /**
     * Nearest-rank percentile: the smallest sample such that at least {@code p} percent of the samples are &lt;= it.
     *
     * @param p percentile in (0, 100]
     * @return the sample, or throws if there are none
     */
    public long percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(1, Math.min(size, rank)) - 1];
    }
}
