package org.rtmmlab.report.html;

import java.util.List;
import java.util.Locale;

/**
 * Vertical bars: grouped (one bar per series in each category, with an optional note such as the change versus a
 * baseline above each bar) or stacked (the series of a category on top of each other, e.g. energy parts).
 */
final class BarChart {

    private BarChart() {
    }

    /**
     * @param categories group labels along the x axis
     * @param series     series names (legend)
     * @param values     values[series][category]; NaN draws no bar
     * @param notes      notes[series][category] drawn above the bars, or null
     * @return the chart as an SVG element
     */
    static String grouped(String title, String yLabel, List<String> categories, List<String> series,
                          double[][] values, String[][] notes) {
        return grouped(title, yLabel, categories, series, values, null, notes);
    }

    /**
     * Grouped bars with whiskers: a vertical line with caps from {@code value - halfWidth} to {@code value +
     * halfWidth} on each bar whose half-width is finite (e.g. a 95% confidence interval over seeds). When no bar is
     * negative the axis starts at 0 and a whisker reaching below it is cut there (the tooltip keeps the half-width).
     *
     * @param halfWidths halfWidths[series][category], NaN for no whisker; or null for none at all
     */
    static String grouped(String title, String yLabel, List<String> categories, List<String> series,
                          double[][] values, double[][] halfWidths, String[][] notes) {
        check(categories, series, values);
        if (halfWidths != null) {
            check(categories, series, halfWidths);
        }
        double max = 0;
        double min = 0;
        for (int s = 0; s < values.length; s++) {
            for (int c = 0; c < values[s].length; c++) {
                double v = values[s][c];
                if (Double.isFinite(v)) {
                    double h = whisker(halfWidths, s, c);
                    max = Math.max(max, v + h);
                    // a whisker below 0 of a non-negative bar is cut at the axis (Axis.pixel clamps), not an
                    // axis grown into negative values no bar has
                    min = Math.min(min, v < 0 ? v - h : 0);
                }
            }
        }
        double width = Math.max(ChartFrame.WIDTH, 80 + categories.size() * (series.size() * 16 + 28));
        XLabels xl = XLabels.of(categories, width);
        ChartFrame f = xl.frame(title);
        boolean slanted = xl.slanted();
        double slot = (f.right - f.left) / categories.size();
        double bar = Math.min(28, (slot - 12) / series.size());
        // Notes ("+12.5%") are ~6 px per character at the note font: wider than the bar, they would overlap their
        // neighbours, so they run upwards from the bar top instead, with headroom above the highest bar.
        boolean upward = notes != null && bar < NOTE_CHAR_PX * longest(notes);
        Axis y = new Axis(min, max * (notes == null ? 1 : upward ? 1.3 : 1.08), 6, f.bottom, f.top);
        f.yAxis(y, yLabel);
        f.svg.line(f.left, f.bottom, f.right, f.bottom, "axis");
        for (int c = 0; c < categories.size(); c++) {
            double x0 = f.left + c * slot + (slot - bar * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][c];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double yv = y.pixel(v);
                double y0 = y.pixel(0);
                double x = x0 + s * bar;
                double h = whisker(halfWidths, s, c);
                f.svg.rect(x, Math.min(yv, y0), bar - 1, Math.abs(y0 - yv), Palette.colour(s),
                        series.get(s) + ", " + categories.get(c) + ": " + value(v)
                                + (halfWidths != null && Double.isFinite(halfWidths[s][c]) ? " \u00b1 " + value(h) : "")
                                + (notes != null && notes[s][c] != null ? " (" + notes[s][c] + ")" : ""));
                double top = Math.min(yv, y0);
                if (halfWidths != null && Double.isFinite(halfWidths[s][c])) {
                    double cx = x + (bar - 1) / 2;
                    double hi = y.pixel(v + h);
                    double lo = y.pixel(v - h);
                    double cap = Math.min(4, (bar - 1) / 3);
                    f.svg.line(cx, hi, cx, lo, "whisker");
                    f.svg.line(cx - cap, hi, cx + cap, hi, "whisker");
                    f.svg.line(cx - cap, lo, cx + cap, lo, "whisker");
                    top = Math.min(top, hi);
                }
                if (notes != null && notes[s][c] != null) {
                    if (upward) {
                        f.svg.upwardText(x + bar / 2, top - 3, "note", notes[s][c]);
                    } else {
                        f.svg.text(x + bar / 2, top - 3, "middle", "note", notes[s][c]);
                    }
                }
            }
            categoryLabel(f, slanted, f.left + (c + 0.5) * slot, categories.get(c));
        }
        f.legend(series, 0);
        return f.close();
    }

    /**
     * @param categories bar labels along the x axis
     * @param parts      stacked part names (legend), bottom first
     * @param values     values[part][category], &ge; 0
     * @return the chart as an SVG element
     */
    static String stacked(String title, String yLabel, List<String> categories, List<String> parts,
                          double[][] values) {
        check(categories, parts, values);
        double max = 0;
        for (int c = 0; c < categories.size(); c++) {
            double sum = 0;
            for (double[] row : values) {
                sum += Double.isFinite(row[c]) ? Math.max(0, row[c]) : 0;
            }
            max = Math.max(max, sum);
        }
        XLabels xl = XLabels.of(categories, ChartFrame.WIDTH);
        ChartFrame f = xl.frame(title);
        boolean slanted = xl.slanted();
        Axis y = new Axis(0, max, 6, f.bottom, f.top);
        f.yAxis(y, yLabel);
        f.svg.line(f.left, f.bottom, f.right, f.bottom, "axis");
        double slot = (f.right - f.left) / categories.size();
        double bar = Math.min(80, slot * 0.6);
        for (int c = 0; c < categories.size(); c++) {
            double x = f.left + c * slot + (slot - bar) / 2;
            double base = 0;
            for (int p = 0; p < parts.size(); p++) {
                double v = Double.isFinite(values[p][c]) ? Math.max(0, values[p][c]) : 0;
                double yTop = y.pixel(base + v);
                f.svg.rect(x, yTop, bar, y.pixel(base) - yTop, Palette.colour(p),
                        categories.get(c) + " " + parts.get(p) + ": " + value(v));
                base += v;
            }
            f.svg.text(x + bar / 2, y.pixel(base) - 3, "middle", "note", value(base));
            categoryLabel(f, slanted, x + bar / 2, categories.get(c));
        }
        f.legend(parts, 0);
        return f.close();
    }

    private static void categoryLabel(ChartFrame f, boolean slanted, double x, String label) {
        if (slanted) {
            f.svg.slantedText(x, f.bottom + 14, "tick", label);
        } else {
            f.svg.text(x, f.bottom + 16, "middle", "tick", label);
        }
    }

    /** @return the finite half-width of a whisker, 0 when there is none */
    private static double whisker(double[][] halfWidths, int s, int c) {
        return halfWidths != null && Double.isFinite(halfWidths[s][c]) ? Math.abs(halfWidths[s][c]) : 0;
    }

    /** Approximate width of one character of a bar note, px (10 px sans-serif). */
    private static final double NOTE_CHAR_PX = 6;

    /** @return the length of the longest note, 0 when there are none */
    private static int longest(String[][] notes) {
        int n = 0;
        for (String[] row : notes) {
            for (String note : row) {
                n = note == null ? n : Math.max(n, note.length());
            }
        }
        return n;
    }

    /** Approximate width of one character of a category label, px (11 px sans-serif, generous for caps and '_'). */
    static final double TICK_CHAR_PX = 7;
    /** Height of a category label line, px. */
    private static final double TICK_LINE_PX = 13;
    /** Room below the plot for horizontal category labels, px (the default frame's). */
    private static final double FLAT_BOTTOM = 40;
    /** Angle of slanted category labels, degrees below the horizontal (as drawn by {@link Svg#slantedText}). */
    private static final double SLANT_DEGREES = 30;

    /**
     * How the category labels fit: horizontal when the longest fits its slot, slanted otherwise, with the canvas
     * grown at the left and the bottom by what the longest slanted label needs, so no label is clipped (the plot
     * keeps its width and height).
     *
     * @param slanted      whether labels are slanted
     * @param width        canvas width, px
     * @param height       canvas height, px
     * @param marginLeft   room left of the plot, px
     * @param marginBottom room below the plot, px
     */
    record XLabels(boolean slanted, double width, double height, double marginLeft, double marginBottom) {

        /** @param baseWidth canvas width with the default left margin */
        static XLabels of(List<String> categories, double baseWidth) {
            int longest = 0;
            for (String c : categories) {
                longest = Math.max(longest, c.length());
            }
            double plot = baseWidth - ChartFrame.LEFT - ChartFrame.RIGHT;
            double slot = plot / categories.size();
            if (TICK_CHAR_PX * longest <= slot - 8) {
                return new XLabels(false, baseWidth, ChartFrame.HEIGHT, ChartFrame.LEFT, FLAT_BOTTOM);
            }
            double a = Math.toRadians(SLANT_DEGREES);
            // label c ends at the middle of its slot, (c + 0.5) x slot right of the plot's left edge and 14 px below
            // the plot, and runs down to the left: its length x cos(a) to the left, x sin(a) (plus a line) down
            double left = ChartFrame.LEFT;
            for (int c = 0; c < categories.size(); c++) {
                double px = TICK_CHAR_PX * categories.get(c).length();
                left = Math.max(left, Math.ceil(px * Math.cos(a) + 6 - (c + 0.5) * slot));
            }
            double bottom = Math.max(FLAT_BOTTOM,
                    Math.ceil(14 + TICK_CHAR_PX * longest * Math.sin(a) + TICK_LINE_PX * Math.cos(a) + 6));
            return new XLabels(true, left + plot + ChartFrame.RIGHT, ChartFrame.HEIGHT - FLAT_BOTTOM + bottom, left,
                    bottom);
        }

        ChartFrame frame(String title) {
            return new ChartFrame(title, width, height, marginLeft, marginBottom);
        }
    }

    private static void check(List<String> categories, List<String> series, double[][] values) {
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category and one series");
        }
        if (values.length != series.size()) {
            throw new IllegalArgumentException(values.length + " value rows for " + series.size() + " series");
        }
        for (double[] row : values) {
            if (row.length != categories.size()) {
                throw new IllegalArgumentException(row.length + " values for " + categories.size() + " categories");
            }
        }
    }

    /** @return a value with 4 significant digits, plain text */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        int digits = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%." + Math.min(digits, 6) + "f", v);
    }
}
