package org.rtmmlab.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * report.html of a hand-made run: a scheduler swap fed to the session draws a labelled marker on every time chart,
 * and scheduler-reported per-window metrics get their charts.
 */
class SwapAndWindowChartsTest {

    private static final long HORIZON = 100_000_000L;
    private static final RunConfig CONFIG = new RunConfig("s", "p", "fcfs", 1, HORIZON, false, Map.of(),
            List.of("html"));

    private static RunInfo info() {
        Model m = Model.of("M", "", List.of(Layer.conv("l0", 1, 1, 1, 1, 1, 1, 1)));
        Scenario s = new Scenario("s", "", List.of(m), List.of(Task.periodic("T", "M", 10_000_000L)), List.of(),
                HORIZON);
        Platform p = new Platform("p", "", List.of(Accelerator.builder("acc0", "table").build()));
        return new RunInfo(CONFIG, s, p, "test");
    }

    private static RunResult result(Map<String, Double> metrics) {
        return new RunResult(CONFIG, "test", HORIZON, new FrameCounts(0, 0, 0, 0, 0), 0, List.of(), metrics);
    }

    /** @return the run's report.html after the session saw a block, the given swaps and the result */
    private static Document report(Path dir, List<SchedulerSwap> swaps, Map<String, Double> metrics) throws Exception {
        Files.createDirectories(dir);
        ReportSession s = new HtmlReporter().open(info(), dir);
        s.onBlock(new BlockRecord(0, "T", 0, 0, 0, 1, 1_000_000L, 4_000_000L, 0, 1e9, 1.0));
        for (SchedulerSwap sw : swaps) {
            s.onSwap(sw);
        }
        s.finish(result(metrics));
        return HtmlReportTest.selfContained(dir.resolve(HtmlReporter.FILE));
    }

    /** @return the class="marker" lines of figure {@code id} and the texts of its marker labels */
    private static List<String> markers(Document d, String id) {
        Element svg = HtmlReportTest.chart(d, id, 0);
        NodeList lines = svg.getElementsByTagNameNS(Svg.NS, "line");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (l.getAttribute("class").equals("marker")) {
                out.add("line@" + l.getAttribute("x1"));
            }
        }
        NodeList texts = svg.getElementsByTagNameNS(Svg.NS, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (t.getAttribute("class").equals("marker-label")) {
                out.add(t.getTextContent());
            }
        }
        return out;
    }

    @Test
    void aSwapIsAMarkerLabelledWithTheNewSchedulerOnEveryTimeChart(@TempDir Path dir) throws Exception {
        SchedulerSwap swap = new SchedulerSwap(30_000_000L, "fcfs", "rtmm-scheduler-classic", "0.1.0", "dream",
                "rtmm-scheduler-dream", "0.2.0", Map.of("alpha", "0.5"));
        Document d = report(dir, List.of(swap), Map.of());
        for (String chart : List.of("utilisation", "schedule")) {
            List<String> m = markers(d, chart);
            assertEquals(2, m.size(), chart + ": " + m);
            assertTrue(m.get(0).startsWith("line@"), chart);
            assertEquals("\u2192 dream", m.get(1), chart);
        }
        assertEquals(List.of(), markers(d, "latency-cdf"), "latency is no time chart");
        String html = Files.readString(dir.resolve(HtmlReporter.FILE));
        assertTrue(html.contains("<h2>Scheduler swaps</h2>"), "a table of the swaps");
        assertTrue(html.contains("<td>30.000</td><td>fcfs</td><td>rtmm-scheduler-classic</td><td>0.1.0</td>"
                + "<td>dream</td><td>rtmm-scheduler-dream</td><td>0.2.0</td><td>alpha=0.5</td>"), html);

        Document none = report(dir.resolve("none"), List.of(), Map.of());
        assertEquals(List.of(), markers(none, "utilisation"));
        assertFalse(Files.readString(dir.resolve("none").resolve(HtmlReporter.FILE)).contains("Scheduler swaps"));
    }

    @Test
    void schedulerWindowMetricsGetAParameterAndAUxCostChartPerScheduler(@TempDir Path dir) throws Exception {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("window.ms", 10.0);
        for (int w = 0; w < 10; w++) {
            String i = String.format(java.util.Locale.ROOT, "%02d", w);
            if (w < 3) {
                metrics.put("window." + i + ".fcfs.queue", (double) w); // the scheduler before the swap
            } else {
                metrics.put("window." + i + ".dream.alpha", 0.5 + 0.01 * w);
                metrics.put("window." + i + ".dream.beta", 2.0 - 0.1 * w);
                metrics.put("window." + i + ".dream.uxcost", 0.3 / w);
            }
        }
        metrics.put("window.ms.extra", 1.0); // no index: not a window figure
        SchedulerSwap swap = new SchedulerSwap(30_000_000L, "fcfs", "", "", "dream", "", "", Map.of());
        Document d = report(dir, List.of(swap), metrics);
        Element params = HtmlReportTest.chart(d, "windows-dream", 2);
        assertEquals(2, params.getElementsByTagNameNS(Svg.NS, "polyline").getLength(), "alpha and beta");
        assertTrue(params.getTextContent().contains("dream: parameters per window"));
        Element ux = HtmlReportTest.chart(d, "windows-dream-uxcost", 1);
        assertEquals(1, ux.getElementsByTagNameNS(Svg.NS, "polyline").getLength());
        assertEquals(1, HtmlReportTest.chart(d, "windows-fcfs", 1).getElementsByTagNameNS(Svg.NS, "polyline")
                .getLength());
        assertEquals("\u2192 dream", markers(d, "windows-dream").get(1), "the swap at window 3");
        String html = Files.readString(dir.resolve(HtmlReporter.FILE));
        assertTrue(html.contains("<td>scheduler per-window figures</td><td class=\"n\">24 (charted below; all in summary.json)</td>"),
                "not one summary row each");
        assertTrue(html.contains("<td>window.ms.extra</td>"));

        Document plain = report(dir.resolve("plain"), List.of(), Map.of("window.ms", 10.0));
        assertEquals(RunPage.CHARTS.size(), plain.getElementsByTagNameNS(Svg.NS, "svg").getLength(),
                "no window charts without window figures");
    }

    @Test
    void windowFigureNamesAreParsedByIndexSchedulerAndParameter() {
        var m = SchedulerWindows.of(Map.of("window.3.dream.alpha", 1.0, "window.12.dream.uxcost.energy", 2.0,
                "window.ms", 5.0, "window.x.dream.alpha", 3.0, "window.4.dream.beta", Double.NaN));
        assertEquals(List.of("dream"), List.copyOf(m.keySet()));
        assertEquals(Map.of(3, 1.0), m.get("dream").get("alpha"));
        assertEquals(Map.of(12, 2.0), m.get("dream").get("uxcost.energy"));
        assertFalse(m.get("dream").containsKey("beta"), "NaN left out");
        assertTrue(SchedulerWindows.isUxCost("uxcost.energy") && !SchedulerWindows.isUxCost("uxcostish"));
    }
}
