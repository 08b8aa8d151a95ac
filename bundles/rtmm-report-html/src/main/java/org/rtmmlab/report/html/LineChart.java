package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.List;

/** Lines (or steps) of several series on linear axes: latency CDFs, utilisation over time. */
final class LineChart {

    /**
     * One line.
     *
     * @param name legend and tooltip text
     * @param xs   x values, non-decreasing
     * @param ys   y values, as many as {@code xs}
     */
    record Series(String name, double[] xs, double[] ys) {
        /** Checks the lengths. */
        Series {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series " + name + ": " + xs.length + " x values, " + ys.length + " y values");
            }
        }
    }

    private LineChart() {
    }

    /**
     * @param yMin lower end of the y axis, or NaN to fit the data
     * @param yMax upper end of the y axis, or NaN to fit the data
     * @return the chart as an SVG element
     */
    static String render(String title, String xLabel, String yLabel, List<Series> series, double yMin, double yMax) {
        return render(title, xLabel, yLabel, series, yMin, yMax, List.of());
    }

    /**
     * @param markers vertical markers (e.g. scheduler swaps) in x units; those outside the x axis are left out
     * @return the chart with the markers drawn over the lines
     */
    static String render(String title, String xLabel, String yLabel, List<Series> series, double yMin, double yMax,
                         List<Marker> markers) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                x0 = Math.min(x0, s.xs()[i]);
                x1 = Math.max(x1, s.xs()[i]);
                y0 = Math.min(y0, s.ys()[i]);
                y1 = Math.max(y1, s.ys()[i]);
            }
        }
        if (x0 > x1) {
            x0 = 0;
            x1 = 1;
            y0 = 0;
            y1 = 1;
        }
        ChartFrame f = new ChartFrame(title, ChartFrame.WIDTH, ChartFrame.HEIGHT, 48);
        Axis x = new Axis(Math.min(0, x0), x1, 8, f.left, f.right);
        Axis y = new Axis(Double.isNaN(yMin) ? Math.min(0, y0) : yMin, Double.isNaN(yMax) ? y1 : yMax, 6, f.bottom,
                f.top);
        f.yAxis(y, yLabel);
        f.xAxis(x, xLabel);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            names.add(s.name());
            int n = s.xs().length;
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = x.pixel(s.xs()[i]);
                py[i] = y.pixel(s.ys()[i]);
            }
            f.svg.polyline(px, py, n, Palette.colour(k), s.name());
        }
        Marker.draw(f, x, markers);
        f.legend(names, 0);
        return f.close();
    }
}
