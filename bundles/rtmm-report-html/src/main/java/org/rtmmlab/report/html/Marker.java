package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * A vertical marker on a time chart: a dashed line across the plot at {@code x} (in the chart's x units) with a
 * label at its top, e.g. the hot swap of the scheduler to {@code dream}.
 *
 * @param x     position on the chart's x axis
 * @param label text at the top of the line
 * @param title tooltip of the line
 */
record Marker(double x, String label, String title) {

    /**
     * @param swaps     the run's scheduler swaps
     * @param nsPerUnit nanoseconds per unit of the chart's x axis (1e6 for ms, or a window length for window indices)
     * @param offset    x of time 0 (e.g. 0 for times, -0.5 for window indices when a window's point sits in its
     *                  middle)
     * @return one marker per swap, labelled with the scheduler taking over
     */
    static List<Marker> ofSwaps(List<SchedulerSwap> swaps, double nsPerUnit, double offset) {
        List<Marker> out = new ArrayList<>();
        for (SchedulerSwap s : swaps) {
            out.add(new Marker(offset + s.timeNs() / nsPerUnit, "\u2192 " + s.toScheduler(), "swap "
                    + s.fromScheduler() + " \u2192 " + s.toScheduler() + " at " + Numbers.fixed(s.timeNs() / 1e6, 3)
                    + " ms" + (s.toBundle().isEmpty() ? "" : " (" + s.toBundle() + " " + s.toVersion() + ")")));
        }
        return out;
    }

    /** Draws the markers that fall inside the x axis onto the frame's plot (a transparent strip holds the tooltip). */
    static void draw(ChartFrame f, Axis x, List<Marker> markers) {
        for (Marker m : markers) {
            if (!(m.x() >= x.lo() && m.x() <= x.hi())) {
                continue;
            }
            double px = x.pixel(m.x());
            f.svg.line(px, f.top, px, f.bottom, "marker");
            f.svg.text(px + 3, f.top + 10, "start", "marker-label", m.label());
            f.svg.rect(px - 3, f.top, 6, f.bottom - f.top, "transparent", m.title());
        }
    }
}
