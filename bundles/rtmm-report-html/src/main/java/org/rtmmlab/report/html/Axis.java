package org.rtmmlab.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis: a data range mapped onto a pixel range, with "nice" ticks (1, 2 or 5 times a power of ten) that
 * cover the data. The range is widened to whole ticks so bars and lines never leave the plot.
 */
final class Axis {

    private final double lo;
    private final double hi;
    private final double step;
    private final double pixLo;
    private final double pixHi;

    /**
     * @param min    smallest data value to show
     * @param max    largest data value to show
     * @param ticks  about how many ticks, &ge; 2
     * @param pixLo  pixel of {@code min}'s tick (may be greater than {@code pixHi}, e.g. for y axes)
     * @param pixHi  pixel of {@code max}'s tick
     */
    Axis(double min, double max, int ticks, double pixLo, double pixHi) {
        double a = Double.isFinite(min) ? min : 0;
        double b = Double.isFinite(max) ? max : 1;
        if (b < a) {
            double t = a;
            a = b;
            b = t;
        }
        if (b - a < 1e-12) {
            b = a + (a == 0 ? 1 : Math.abs(a) * 0.1);
        }
        step = niceStep((b - a) / Math.max(1, ticks - 1));
        lo = Math.floor(a / step + 1e-9) * step;
        hi = Math.ceil(b / step - 1e-9) * step;
        this.pixLo = pixLo;
        this.pixHi = pixHi;
    }

    /** @return the smallest of 1, 2, 5 x 10^k that is at least {@code raw} */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return nice * p;
    }

    /** @return the pixel of data value {@code v} (values outside the range are clamped onto it) */
    double pixel(double v) {
        double c = Math.max(lo, Math.min(hi, v));
        return pixLo + (c - lo) / (hi - lo) * (pixHi - pixLo);
    }

    /** @return tick values from the low end to the high end */
    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        long n = Math.round((hi - lo) / step);
        for (long i = 0; i <= n; i++) {
            t.add(lo + i * step);
        }
        return t;
    }

    /** @return a tick value as text with as many decimals as the step needs */
    String label(double v) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN);
        String s = d.toPlainString();
        return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /** @return low end of the (widened) range */
    double lo() {
        return lo;
    }

    /** @return high end of the (widened) range */
    double hi() {
        return hi;
    }
}
