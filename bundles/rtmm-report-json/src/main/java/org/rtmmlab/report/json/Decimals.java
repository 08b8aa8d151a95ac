package org.rtmmlab.report.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent, exact decimal text for the CSV files: same number, same characters, everywhere. */
final class Decimals {

    private Decimals() {
    }

    /** @return nanoseconds as milliseconds with exactly 6 decimals ({@code 16666667 -> 16.666667}); "" if negative */
    static String ms(long ns) {
        return ns < 0 ? "" : BigDecimal.valueOf(ns, 6).toPlainString();
    }

    /** @return picojoules as millijoules with 9 decimals (1 pJ resolution), half-even; "" if not finite */
    static String mj(double pj) {
        return Double.isFinite(pj) ? BigDecimal.valueOf(pj).movePointLeft(9).setScale(9, RoundingMode.HALF_EVEN)
                .toPlainString() : "";
    }

    /** @return a fraction such as an accuracy or a share with 6 decimals, half-even; "" if not finite */
    static String fraction(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).toPlainString() : "";
    }
}
