package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.List;

/** A schedule excerpt: one row per accelerator lane, one bar per executed block, coloured by task. */
final class GanttChart {

    /**
     * One block.
     *
     * @param row     row index
     * @param startNs start, ns
     * @param endNs   end, ns
     * @param colour  colour index (the task)
     * @param tooltip text shown on hover
     */
    record Bar(int row, long startNs, long endNs, int colour, String tooltip) {
    }

    private GanttChart() {
    }

    /**
     * @param rows     row labels, top first
     * @param bars     the blocks (bars outside the window are clipped)
     * @param windowNs end of the time window shown, ns (it starts at 0)
     * @param legend   names of the colour indices
     * @return the chart as an SVG element
     */
    static String render(String title, List<String> rows, List<Bar> bars, long windowNs, List<String> legend) {
        return render(title, rows, bars, windowNs, legend, List.of());
    }

    /** @param markers vertical markers in ms (e.g. scheduler swaps); those after the window are left out */
    static String render(String title, List<String> rows, List<Bar> bars, long windowNs, List<String> legend,
                         List<Marker> markers) {
        double rowHeight = 22;
        double height = 44 + Math.max(1, rows.size()) * rowHeight + 48;
        ChartFrame f = new ChartFrame(title, ChartFrame.WIDTH + 180, height, 48);
        double left = f.left + 40;
        Axis x = new Axis(0, windowNs / 1e6, 10, left, f.right);
        for (double t : x.ticks()) {
            double px = x.pixel(t);
            f.svg.line(px, f.top, px, f.bottom, "grid");
            f.svg.text(px, f.bottom + 16, "middle", "tick", x.label(t));
        }
        f.svg.line(left, f.bottom, f.right, f.bottom, "axis");
        f.svg.text((left + f.right) / 2, f.bottom + 36, "middle", "label", "time (ms)");
        for (int r = 0; r < rows.size(); r++) {
            f.svg.text(left - 6, f.top + r * rowHeight + 15, "end", "tick", rows.get(r));
        }
        for (Bar b : bars) {
            if (b.row() < 0 || b.row() >= rows.size() || b.startNs() >= windowNs) {
                continue;
            }
            double x0 = x.pixel(b.startNs() / 1e6);
            double x1 = x.pixel(Math.min(b.endNs(), windowNs) / 1e6);
            f.svg.rect(x0, f.top + b.row() * rowHeight + 3, Math.max(0.5, x1 - x0), rowHeight - 6,
                    Palette.colour(b.colour()), b.tooltip());
        }
        Marker.draw(f, x, markers);
        f.legend(new ArrayList<>(legend), 0);
        return f.close();
    }
}
