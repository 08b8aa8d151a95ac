package org.rtmmlab.report.html;

import java.util.Locale;

/** Table number text: fixed decimals, root locale, "-" for missing or non-finite values. */
final class Numbers {

    private Numbers() {
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
    }

    static String signedPercent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f%%", 100 * v) : "-";
    }

    /** @return (value - base) / base, NaN if either is missing or base is 0 */
    static double change(double value, double base) {
        return Double.isFinite(value) && Double.isFinite(base) && base != 0 ? (value - base) / Math.abs(base) : Double.NaN;
    }
}
