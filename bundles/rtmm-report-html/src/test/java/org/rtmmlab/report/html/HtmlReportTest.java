package org.rtmmlab.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * report.html and compare.html of real runs, checked structurally (the CI stand-in for rendering them in a
 * browser, see scripts/screenshot-report.sh): well-formed XHTML, every chart an SVG with its shapes, nothing
 * loaded from outside the file, byte-identical for equal inputs.
 */
class HtmlReportTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Pattern URL = Pattern.compile("(?i)(https?:|ftp:|//[a-z0-9])[^\"'<>\\s]*");

    private static RunResult run(String scheduler, String platform, long durationNs, Path dir) {
        List<String> errors = new ArrayList<>();
        PluginCatalog catalog = ServiceLoaderCatalog.load(HtmlReportTest.class.getClassLoader(), errors::add);
        assertEquals(List.of(), errors);
        // blockLayers only where the policy has it: the engine rejects a property key the scheduler does not declare
        Map<String, String> properties = catalog.scheduler(scheduler).defaultProperties().containsKey("blockLayers")
                ? Map.of("blockLayers", "8") : Map.of();
        RunConfig c = new RunConfig("xrbench/VR_gaming", platform, scheduler, 3, durationNs, false, properties,
                List.of("html"));
        List<String> warnings = new ArrayList<>();
        RunResult r = new Evaluator(catalog).run(c, dir, warnings::add);
        assertEquals(List.of(), warnings);
        return r;
    }

    /** Checks the page is self-contained XHTML and returns it parsed. */
    static Document selfContained(Path file) throws Exception {
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>\n"), "doctype");
        Matcher m = URL.matcher(html);
        while (m.find()) {
            assertTrue(m.group().equals(Svg.NS) || m.group().equals(XHTML), "external reference " + m.group());
        }
        for (String banned : List.of("<script", "<link", "<img", "<iframe", "@import", "url(", "href=", "src=")) {
            assertFalse(html.contains(banned), banned + " in " + file);
        }
        Document d = SvgLayerTest.parse(html);
        assertEquals(XHTML, d.getDocumentElement().getNamespaceURI());
        return d;
    }

    /** @return the figure with this id; asserts it holds exactly one SVG chart with at least {@code shapes} shapes */
    static Element chart(Document d, String id, int shapes) {
        NodeList figures = d.getElementsByTagNameNS(XHTML, "figure");
        for (int i = 0; i < figures.getLength(); i++) {
            Element f = (Element) figures.item(i);
            if (f.getAttribute("id").equals(id)) {
                NodeList svgs = f.getElementsByTagNameNS(Svg.NS, "svg");
                assertEquals(1, svgs.getLength(), id);
                Element svg = (Element) svgs.item(0);
                int n = svg.getElementsByTagNameNS(Svg.NS, "rect").getLength()
                        + svg.getElementsByTagNameNS(Svg.NS, "polyline").getLength();
                assertTrue(n >= shapes, id + ": " + n + " shapes");
                return svg;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    @Test
    void runReportHasEveryChartAndIsSelfContained(@TempDir Path dir) throws Exception {
        RunResult r = run("edf", "xrbench/Dual_4K__WS_OS", 2_000_000_000L, dir);
        Document d = selfContained(dir.resolve(HtmlReporter.FILE));
        assertEquals(RunPage.CHARTS.size(), d.getElementsByTagNameNS(Svg.NS, "svg").getLength());
        chart(d, "latency-cdf", 3);        // one CDF line per model
        chart(d, "miss-drop", 3 * 2);      // late and dropped bars per model (some may be 0 high)
        chart(d, "energy", 2 * 2);         // two parts per accelerator
        chart(d, "utilisation", 2);        // one line per accelerator
        Element gantt = chart(d, "schedule", 20);
        assertTrue(gantt.getTextContent().contains("ES_RITNet layers"), "block tooltips");
        String html = Files.readString(dir.resolve(HtmlReporter.FILE));
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%.3f", r.metric("xrbench.score"))), "score");
        for (String task : List.of("ES_RITNet", "GE_FBNet_C", "HT_hand_graph_cnn_half")) {
            assertTrue(html.contains("<td>" + task + "</td>"), task);
        }
    }

    @Test
    void sameRunGivesAByteIdenticalReport(@TempDir Path dir) throws Exception {
        run("fcfs", "xrbench/Single_4K__WS", 700_000_000L, dir.resolve("a"));
        run("fcfs", "xrbench/Single_4K__WS", 700_000_000L, dir.resolve("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/report.html")), Files.readAllBytes(dir.resolve("b/report.html")));
    }

    @Test
    void comparisonShowsScoreAndEnergyBarsWithChangesAndUxCostWhenPresent(@TempDir Path dir) throws Exception {
        List<RunResult> runs = new ArrayList<>();
        for (String platform : List.of("xrbench/Single_4K__WS", "xrbench/Dual_4K__WS_OS")) {
            for (String s : List.of("xrbench-greedy", "edf", "fcfs")) {
                RunResult r = run(s, platform, 700_000_000L, dir.resolve("runs").resolve(s + platform.hashCode()));
                Map<String, Double> m = new TreeMap<>(r.metrics());
                m.remove(RunPage.UXCOST); // the engine's runs carry UXCost; this part checks a comparison without it
                runs.add(new RunResult(r.config(), r.labVersion(), r.simulatedNs(), r.frames(), r.energyMj(),
                        r.perTask(), m));
            }
        }
        HtmlReporter reporter = new HtmlReporter();
        reporter.writeComparison(runs, "xrbench-greedy", dir);
        Document d = selfContained(dir.resolve(HtmlReporter.COMPARE_FILE));
        chart(d, "score", 6);
        chart(d, "energy", 6);
        assertFalse(Files.readString(dir.resolve(HtmlReporter.COMPARE_FILE)).contains("id=\"uxcost\""),
                "no UXCost chart without the metric");
        String text = Files.readString(dir.resolve(HtmlReporter.COMPARE_FILE));
        assertTrue(text.contains("class=\"tick\">VR_gaming / Single_4K__WS</text>"), "labels without 'xrbench/'");
        assertFalse(text.contains("class=\"tick\">xrbench/"), "no label keeps the common prefix");
        assertTrue(text.contains("Group labels leave out the prefix &#39;xrbench/&#39; of every scenario id and"
                + " &#39;xrbench/&#39; of every platform id."), "the caption says what was left out");
        assertTrue(text.contains("<td>xrbench/VR_gaming</td>"), "the table keeps the full ids");
        double base = runs.get(0).metric("xrbench.score");
        double edf = runs.get(1).metric("xrbench.score");
        assertTrue(text.contains(Numbers.signedPercent((edf - base) / base)), "edf change vs greedy on a bar");

        List<RunResult> withUx = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            Map<String, Double> m = new TreeMap<>(r.metrics());
            m.put(RunPage.UXCOST, 0.1 * (i + 1));
            withUx.add(new RunResult(r.config(), r.labVersion(), r.simulatedNs(), r.frames(), r.energyMj(), r.perTask(), m));
        }
        Path uxDir = Files.createDirectories(dir.resolve("ux"));
        reporter.writeComparison(withUx, "xrbench-greedy", uxDir);
        Document ux = selfContained(uxDir.resolve(HtmlReporter.COMPARE_FILE));
        assertNotNull(chart(ux, "uxcost", 6));
        assertTrue(Files.readString(uxDir.resolve(HtmlReporter.COMPARE_FILE)).contains("+100.0%"),
                "edf UXCost 0.2 vs greedy 0.1");
        assertThrows(IllegalArgumentException.class, () -> reporter.writeComparison(List.of(), "x", dir));
    }

    @Test
    void noOutputDirectoryWritesNothing() throws Exception {
        assertTrue(new HtmlReporter().open(null, null).finish(null).isEmpty());
    }
}
