package org.rtmmlab.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.rtmmlab.engine.stats.GeometricMean;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG layer: text, numbers, axes and each chart kind as well-formed SVG. */
class SvgLayerTest {

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textIsEscapedAndNumbersArePlain() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; e ", Svg.esc("a <b> & \"c\" 'd' e\u0001"));
        assertEquals("12.35", Svg.num(12.345001));
        assertEquals("12", Svg.num(12.0));
        assertEquals("0", Svg.num(-0.001));
        assertEquals("0", Svg.num(Double.NaN));
        assertEquals("1234567.5", Svg.num(1234567.5));
        assertEquals("0.01", Svg.num(0.005001));
    }

    @Test
    void axesUseNiceTicksCoveringTheData() {
        assertEquals(0.5, Axis.niceStep(0.37), 1e-12);
        assertEquals(2, Axis.niceStep(1.2), 1e-12);
        assertEquals(10, Axis.niceStep(7), 1e-12);
        Axis a = new Axis(0, 87.3, 6, 300, 0);
        assertEquals(0, a.lo());
        assertEquals(100, a.hi(), 1e-9);
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), a.ticks());
        assertEquals(300, a.pixel(0), 1e-9);
        assertEquals(0, a.pixel(100), 1e-9);
        assertEquals(0, a.pixel(1e9), 1e-9, "clamped");
        assertEquals("20", a.label(20));
        Axis small = new Axis(0, 0.9, 6, 0, 100);
        assertEquals("0.2", small.label(0.2));
        Axis flat = new Axis(5, 5, 6, 0, 100);
        assertTrue(flat.hi() > flat.lo(), "a flat range is widened");
    }

    @Test
    void everyChartKindIsWellFormedSvgWithItsShapes() throws Exception {
        String line = LineChart.render("L <1>", "x", "y", List.of(new LineChart.Series("s&1",
                new double[] {0, 1, 2}, new double[] {0, 0.5, 1})), 0, 1);
        String grouped = BarChart.grouped("G", "v", List.of("a", "b"), List.of("s1", "s2"),
                new double[][] {{1, 2}, {3, Double.NaN}}, new String[][] {{null, null}, {"+200.0%", null}});
        String stacked = BarChart.stacked("S", "mJ", List.of("acc0"), List.of("dyn", "idle"), new double[][] {{2}, {3}});
        String gantt = GanttChart.render("Gantt", List.of("acc0", "acc1"), List.of(
                new GanttChart.Bar(0, 0, 5_000_000, 0, "one"), new GanttChart.Bar(1, 2_000_000, 9_000_000, 1, "two"),
                new GanttChart.Bar(1, 20_000_000, 30_000_000, 1, "outside")), 10_000_000, List.of("A", "B"));
        for (String svg : List.of(line, grouped, stacked, gantt)) {
            Document d = parse(svg);
            assertEquals(Svg.NS, d.getDocumentElement().getNamespaceURI());
            assertEquals("svg", d.getDocumentElement().getLocalName());
        }
        assertEquals(1, parse(line).getElementsByTagNameNS(Svg.NS, "polyline").getLength());
        assertEquals(3 + 2, parse(grouped).getElementsByTagNameNS(Svg.NS, "rect").getLength(), "3 bars + 2 swatches");
        assertTrue(grouped.contains(">+200.0%</text>"));
        assertEquals(2 + 2, parse(stacked).getElementsByTagNameNS(Svg.NS, "rect").getLength());
        assertEquals(2 + 2, parse(gantt).getElementsByTagNameNS(Svg.NS, "rect").getLength(), "the bar past the window is left out");
        assertTrue(line.contains("L &lt;1&gt;") && line.contains("s&amp;1"));
    }

    @Test
    void notesWiderThanTheirBarRunUpwardsSoTheyDoNotOverlap() throws Exception {
        String few = BarChart.grouped("G", "v", List.of("a"), List.of("s1", "s2"), new double[][] {{1}, {2}},
                new String[][] {{null}, {"x2"}});
        assertTrue(few.contains("text-anchor=\"middle\" class=\"note\">x2</text>"), few);
        assertFalse(few.contains("dominant-baseline"), "a note narrower than its 27 px bar stays horizontal");
        List<String> cells = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12");
        List<String> series = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7");
        double[][] v = new double[7][12];
        String[][] notes = new String[7][12];
        for (int s = 0; s < 7; s++) {
            for (int c = 0; c < 12; c++) {
                v[s][c] = 1 + s;
                notes[s][c] = "+1599.5%";
            }
        }
        String many = BarChart.grouped("G", "v", cells, series, v, notes);
        parse(many);
        int upward = many.split("text-anchor=\"start\" dominant-baseline=\"middle\" transform=\"rotate\\(-90 ", -1).length - 1;
        assertEquals(7 * 12, upward, "every note of 84 narrow bars runs upwards");
    }

    /**
     * Long slanted category labels (the first one used to show only its tail, "/ xrbench/Dual_4K__WS_OS"): the canvas
     * grows at the left and the bottom so that each label, estimated at {@link BarChart#TICK_CHAR_PX} per character,
     * lies inside it.
     */
    @Test
    void longSlantedCategoryLabelsStayInsideTheCanvas() throws Exception {
        List<String> cells = List.of("xrbench/VR_gaming / xrbench/Dual_4K__WS_OS",
                "xrbench/VR_gaming / xrbench/Quad_8K__WS_OS_WS_OS", "xrbench/AR_gaming / xrbench/Dual_4K__WS_OS",
                "xrbench/AR_gaming / xrbench/Quad_8K__WS_OS_WS_OS");
        String grouped = BarChart.grouped("G", "v", cells, List.of("fcfs", "edf"),
                new double[][] {{1, 2, 3, 4}, {4, 3, 2, 1}}, null);
        String stacked = BarChart.stacked("S", "mJ", cells, List.of("dyn"), new double[][] {{1, 2, 3, 4}});
        for (String svg : List.of(grouped, stacked)) {
            Element root = parse(svg).getDocumentElement();
            double width = Double.parseDouble(root.getAttribute("width"));
            double height = Double.parseDouble(root.getAttribute("height"));
            NodeList texts = root.getElementsByTagNameNS(Svg.NS, "text");
            int slanted = 0;
            for (int i = 0; i < texts.getLength(); i++) {
                Element t = (Element) texts.item(i);
                if (!t.getAttribute("transform").startsWith("rotate(-30 ")) {
                    continue;
                }
                slanted++;
                double x = Double.parseDouble(t.getAttribute("x"));
                double y = Double.parseDouble(t.getAttribute("y"));
                double len = BarChart.TICK_CHAR_PX * t.getTextContent().length();
                double a = Math.toRadians(30);
                assertTrue(x - len * Math.cos(a) >= 0, "clipped at the left: " + t.getTextContent());
                assertTrue(y + len * Math.sin(a) + 11 <= height, "clipped at the bottom: " + t.getTextContent());
                assertTrue(x <= width, t.getTextContent());
            }
            assertEquals(cells.size(), slanted, svg);
        }
        // short labels stay horizontal in the default frame
        String flat = BarChart.grouped("G", "v", List.of("acc0", "acc1"), List.of("s"), new double[][] {{1, 2}}, null);
        assertFalse(flat.contains("rotate(-30 "), flat);
        assertTrue(flat.startsWith("<svg xmlns=\"" + Svg.NS + "\" class=\"chart\" width=\"720\" height=\"320\""), flat);
    }

    @Test
    void chartLabelsLeaveOutThePrefixCommonToAllIds() {
        assertEquals("xrbench/", ComparisonPage.commonPrefix(List.of("xrbench/VR_gaming", "xrbench/AR_gaming")));
        assertEquals("xrbench/", ComparisonPage.commonPrefix(List.of("xrbench/VR_gaming")));
        assertEquals("xrbench/width/", ComparisonPage.commonPrefix(List.of("xrbench/width/AR_gaming",
                "xrbench/width/VR_gaming")));
        assertEquals("", ComparisonPage.commonPrefix(List.of("xrbench/VR_gaming", "examples/x.json")));
        assertEquals("", ComparisonPage.commonPrefix(List.of("xrbench/VR_a", "xrbench/VR_b").subList(0, 0)));
        assertEquals("", ComparisonPage.commonPrefix(List.of("plain", "plain")), "no '/': nothing to leave out");
        assertEquals("", ComparisonPage.commonPrefix(List.of("a/", "a/b")), "never a whole id");
        assertEquals(" Group labels leave out the prefix 'xrbench/' of every scenario id and 'measured/' of every"
                + " platform id.", ComparisonPage.prefixNote("xrbench/", "measured/"));
        assertEquals("", ComparisonPage.prefixNote("", ""));
    }

    @Test
    void badChartInputIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BarChart.grouped("G", "v",
                List.of("a", "b"), List.of("s"), new double[][] {{1}}, null));
        assertEquals("1 values for 2 categories", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LineChart.Series("s", new double[2], new double[3]));
    }

    @Test
    void latencyHistogramQuantilesAreWithinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.add(i * 1_000_000L); // 1..1000 ms
        }
        assertEquals(1000, h.count());
        assertEquals(500e6, h.quantileNs(0.5), 500e6 * 0.011);
        assertEquals(950e6, h.quantileNs(0.95), 950e6 * 0.011);
        assertEquals(1000e6, h.quantileNs(1), 1000e6 * 0.011);
        double[][] cdf = h.cdfMs();
        assertEquals(0, cdf[1][0]);
        assertEquals(1, cdf[1][cdf[1].length - 1], 1e-12);
        for (int i = 1; i < cdf[0].length; i++) {
            assertTrue(cdf[0][i] > cdf[0][i - 1] && cdf[1][i] > cdf[1][i - 1], "increasing at " + i);
        }
        assertTrue(Double.isNaN(new LatencyHistogram().quantileNs(0.5)));
    }

    @Test
    void geometricMeanHandlesZerosAndMissingValues() {
        assertEquals(4, GeometricMean.of(List.of(2.0, 8.0)), 1e-12);
        assertEquals(0, GeometricMean.of(List.of(2.0, 0.0)));
        assertEquals(3, GeometricMean.of(List.of(3.0, Double.NaN)), 1e-12);
        assertTrue(Double.isNaN(GeometricMean.of(List.of())));
    }
}
