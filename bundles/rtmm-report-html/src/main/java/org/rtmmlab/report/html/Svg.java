package org.rtmmlab.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes one inline SVG element as well-formed XML text: shapes, text and tooltips ({@code <title>}), escaped, with
 * coordinates rounded to 0.01 px as plain decimal text (no exponent, no locale), so equal charts give equal bytes.
 * Uses no scripts, no external references and no fonts beyond the page's own.
 */
final class Svg {

    /** SVG namespace (the only URI the document names). */
    static final String NS = "http://www.w3.org/2000/svg";

    private final StringBuilder sb = new StringBuilder(4096);
    private boolean closed;

    /**
     * Opens the element.
     *
     * @param width  width in px (also the view box)
     * @param height height in px
     * @param label  accessible name, shown as the chart's tooltip
     */
    Svg(double width, double height, String label) {
        sb.append("<svg xmlns=\"").append(NS).append("\" class=\"chart\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">");
        sb.append("<title>").append(esc(label)).append("</title>");
    }

    /** @return {@code v} rounded to two decimals, trailing zeros dropped; "0" for non-finite values */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** @return {@code s} escaped for XML text and attribute values */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' '); // not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A filled rectangle, with a tooltip if {@code tooltip} is not null. */
    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"")
                .append(esc(fill)).append('"');
        if (tooltip == null) {
            sb.append("/>");
        } else {
            sb.append("><title>").append(esc(tooltip)).append("</title></rect>");
        }
        return this;
    }

    /** A straight line of class {@code cls} (styled by the page: axis, grid). */
    Svg line(double x1, double y1, double x2, double y2, String cls) {
        sb.append("<line class=\"").append(esc(cls)).append("\" x1=\"").append(num(x1)).append("\" y1=\"")
                .append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\"/>");
        return this;
    }

    /** An open polyline through {@code xs[i], ys[i]} stroked in {@code colour}, with a tooltip. */
    Svg polyline(double[] xs, double[] ys, int n, String colour, String tooltip) {
        sb.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(esc(colour)).append("\" points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(num(xs[i])).append(',').append(num(ys[i]));
        }
        sb.append("\"><title>").append(esc(tooltip)).append("</title></polyline>");
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end; {@code cls} a page style class. */
    Svg text(double x, double y, String anchor, String cls, String text) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" class=\"").append(esc(cls)).append("\">").append(esc(text)).append("</text>");
        return this;
    }

    /** Text starting at (x, y) and running upwards (rotated by -90 degrees), for labels above narrow bars. */
    Svg upwardText(double x, double y, String cls, String text) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"start\" ")
                .append("dominant-baseline=\"middle\" transform=\"rotate(-90 ").append(num(x)).append(' ')
                .append(num(y)).append(")\" class=\"").append(esc(cls)).append("\">").append(esc(text)).append("</text>");
        return this;
    }

    /** Text rotated by -90 degrees around (x, y), for vertical axis titles. */
    Svg verticalText(double x, double y, String cls, String text) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"middle\" ")
                .append("transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\" class=\"")
                .append(esc(cls)).append("\">").append(esc(text)).append("</text>");
        return this;
    }

    /** Text ending at (x, y), rotated by -30 degrees around it, for long category labels. */
    Svg slantedText(double x, double y, String cls, String text) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"end\" ")
                .append("transform=\"rotate(-30 ").append(num(x)).append(' ').append(num(y)).append(")\" class=\"")
                .append(esc(cls)).append("\">").append(esc(text)).append("</text>");
        return this;
    }

    /** @return the finished element; the writer cannot be used afterwards */
    String close() {
        if (!closed) {
            sb.append("</svg>");
            closed = true;
        }
        return sb.toString();
    }
}
