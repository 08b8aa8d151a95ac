package org.rtmmlab.cli;

import java.util.Locale;

/** Number formatting for tables (fixed decimals, root locale, "-" for missing values). */
final class Format {

    private Format() {
    }

    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String signedPercent(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }
}
