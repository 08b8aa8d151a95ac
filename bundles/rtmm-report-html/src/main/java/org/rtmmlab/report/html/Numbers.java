package org.rtmmlab.report.html;

import java.util.Locale;

/** Table number text: fixed decimals, root locale, "-" for missing or non-finite values. */
final class Numbers {

    private Numbers() {
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }

    /** @return a whole number (a count) without decimals, any other value with 6 */
    static String figure(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : fixed(v, 6);
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
    }

    static String signedPercent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f%%", 100 * v) : "-";
    }

    /**
     * @param resolution the smallest |base| a change is computed against: half the last digit the page shows (a score
     *                   of 1e-80 shows as 0.000, and a change relative to it is noise)
     * @return (value - base) / |base|, NaN if either is missing or |base| is below {@code resolution}
     */
    static double change(double value, double base, double resolution) {
        return Double.isFinite(value) && Double.isFinite(base) && Math.abs(base) >= resolution && base != 0
                ? (value - base) / Math.abs(base) : Double.NaN;
    }

    /** @return half a unit of the last of {@code decimals} decimals */
    static double resolution(int decimals) {
        return 0.5 * Math.pow(10, -decimals);
    }
}
