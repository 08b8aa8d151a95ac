package org.rtmmlab.report.html;

import java.util.List;

/**
 * A self-contained page: XHTML-compatible markup (every element closed, so the file also parses as XML), inline CSS,
 * inline SVG charts; no scripts, fonts, images or links to anything outside the file.
 */
final class HtmlPage {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px;color:#222;max-width:1200px}",
            "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd}",
            "p.sub{color:#666;margin:0 0 16px}",
            "table{border-collapse:collapse;font-size:13px;margin:8px 0}",
            "th,td{padding:3px 10px;border-bottom:1px solid #eee}th{background:#f5f5f5;text-align:left}",
            "td.n{text-align:right;font-variant-numeric:tabular-nums}",
            "figure{margin:12px 0;overflow-x:auto}figcaption{font-size:12px;color:#666}",
            "svg.chart{background:#fff;border:1px solid #e5e5e5;display:block}",
            "svg .title{font-size:14px;font-weight:600}svg .tick{font-size:11px;fill:#555}",
            "svg .label{font-size:12px;fill:#333}svg .legend{font-size:11px}svg .note{font-size:10px;fill:#333}",
            "svg .grid{stroke:#eee;stroke-width:1}svg .axis{stroke:#888;stroke-width:1}",
            "svg .whisker{stroke:#222;stroke-width:1.2}",
            "svg .marker{stroke:#c00;stroke-width:1.2;stroke-dasharray:4 3}svg .marker-label{font-size:10px;fill:#c00}",
            "svg .series{stroke-width:1.8}");

    private final StringBuilder sb = new StringBuilder(64 * 1024);

    /** Starts the document with {@code title} in the head and as the first heading. */
    HtmlPage(String title, String subtitle) {
        sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n")
                .append("<title>").append(Svg.esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<h1>").append(Svg.esc(title)).append("</h1>\n")
                .append("<p class=\"sub\">").append(Svg.esc(subtitle)).append("</p>\n");
    }

    /** A section heading. */
    HtmlPage h2(String text) {
        sb.append("<h2>").append(Svg.esc(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of plain text. */
    HtmlPage p(String text) {
        sb.append("<p>").append(Svg.esc(text)).append("</p>\n");
        return this;
    }

    /** A table; the first {@code textColumns} columns are text, the others right-aligned numbers. */
    HtmlPage table(List<String> header, List<List<String>> rows, int textColumns) {
        sb.append("<table>\n<thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(Svg.esc(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                sb.append(i < textColumns ? "<td>" : "<td class=\"n\">").append(Svg.esc(r.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        return this;
    }

    /** A chart (an SVG element from this package) with a caption; {@code id} names it for tests and links. */
    HtmlPage figure(String id, String svg, String caption) {
        sb.append("<figure id=\"").append(Svg.esc(id)).append("\">\n").append(svg).append("\n<figcaption>")
                .append(Svg.esc(caption)).append("</figcaption>\n</figure>\n");
        return this;
    }

    /** @return the finished document */
    String finish() {
        return sb + "</body>\n</html>\n";
    }
}
