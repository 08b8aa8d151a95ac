package org.rtmmlab.report.html;

import java.util.List;

/**
 * The parts every chart shares: the SVG canvas, a title, the plot area inside margins, axes with grid lines and
 * tick labels, axis titles and a legend of coloured swatches.
 */
final class ChartFrame {

    /** Default chart width, px. */
    static final double WIDTH = 720;
    /** Default chart height, px. */
    static final double HEIGHT = 320;
    /** Default room left of the plot for the tick labels and the vertical axis title, px. */
    static final double LEFT = 64;
    /** Room right of the plot, px. */
    static final double RIGHT = 16;

    final Svg svg;
    final double left;
    final double right;
    final double top;
    final double bottom;

    /**
     * @param title        chart title (also its accessible name)
     * @param width        canvas width, px
     * @param height       canvas height, px
     * @param marginBottom room below the plot for x labels, px
     */
    ChartFrame(String title, double width, double height, double marginBottom) {
        this(title, width, height, LEFT, marginBottom);
    }

    /**
     * @param title        chart title (also its accessible name)
     * @param width        canvas width, px
     * @param height       canvas height, px
     * @param marginLeft   room left of the plot, px (at least {@link #LEFT}; more for long slanted x labels)
     * @param marginBottom room below the plot for x labels, px
     */
    ChartFrame(String title, double width, double height, double marginLeft, double marginBottom) {
        svg = new Svg(width, height, title);
        left = Math.max(LEFT, marginLeft);
        right = width - RIGHT;
        top = 44;
        bottom = height - marginBottom;
        svg.text(width / 2, 18, "middle", "title", title);
    }

    /** Horizontal grid lines, tick labels on the left and the vertical axis title. */
    void yAxis(Axis y, String label) {
        for (double t : y.ticks()) {
            double py = y.pixel(t);
            svg.line(left, py, right, py, "grid");
            svg.text(left - 6, py + 4, "end", "tick", y.label(t));
        }
        svg.line(left, top, left, bottom, "axis");
        svg.verticalText(left - (LEFT - 16), (top + bottom) / 2, "label", label); // next to the tick labels
    }

    /** Vertical grid lines, tick labels below the plot and the horizontal axis title. */
    void xAxis(Axis x, String label) {
        for (double t : x.ticks()) {
            double px = x.pixel(t);
            svg.line(px, top, px, bottom, "grid");
            svg.text(px, bottom + 16, "middle", "tick", x.label(t));
        }
        svg.line(left, bottom, right, bottom, "axis");
        svg.text((left + right) / 2, bottom + 36, "middle", "label", label);
    }

    /**
     * A row of swatches with names above the plot, from the default left margin (not a wider one, which would push
     * it under the centred title); nothing for fewer than one name.
     */
    void legend(List<String> names, int colourOffset) {
        double x = LEFT;
        double y = 30;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            svg.rect(x, y - 9, 10, 10, Palette.colour(i + colourOffset), null);
            svg.text(x + 14, y, "start", "legend", n);
            x += 24 + 7 * n.length();
        }
    }

    /** @return the finished SVG text */
    String close() {
        return svg.close();
    }
}
