package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reporters selected with --report (bundled and third-party), comparison files, the CSV and progress output. */
class CliReportsTest {

    private static long lines(Path f) throws IOException {
        try (var s = Files.lines(f)) {
            return s.count();
        }
    }

    @Test
    void runWithTraceAndHtmlWritesBothAndProgressStaysOffStdout(@TempDir Path dir) throws IOException {
        CliRunTest.Outcome o = rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Dual_4K__WS_OS",
                "--scheduler", "edf", "--set", "blockLayers=8,report.trace.format=json", "--report", "trace,html,csv",
                "--progress", "lines", "--json", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        JsonParser.parseString(o.out()).getAsJsonObject(); // stdout is exactly the JSON document
        assertTrue(o.err().contains("0.7/0.7 s simulated, 100%"), o.err());
        long xEvents = 0;
        try (Reader r = Files.newBufferedReader(dir.resolve("trace.json"))) {
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("traceEvents")) {
                xEvents += e.getAsJsonObject().get("ph").getAsString().equals("X") ? 1 : 0;
            }
        }
        assertEquals(lines(dir.resolve("blocks.csv")) - 1, xEvents, "one trace slice per blocks.csv row");
        String html = Files.readString(dir.resolve("report.html"));
        assertEquals(5, html.split("<svg ", -1).length - 1, "five charts");
        assertFalse(Files.exists(dir.resolve("summary.json")), "json was not selected");
    }

    @Test
    void traceWindowTurnsTheTraceReporterOnAndABadWindowIsOneLine(@TempDir Path dir) throws IOException {
        CliRunTest.Outcome o = rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Dual_4K__WS_OS",
                "--scheduler", "edf", "--duration", "2s", "--trace-window", "500ms..1s", "--report", "json",
                "--progress", "none", "--out", dir.resolve("ok").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.size(dir.resolve("ok/trace.perfetto-trace")) > 1000);
        assertTrue(Files.readString(dir.resolve("ok/config.json")).contains("\"report.trace.window\": \"500ms..1s\""));
        CliRunTest.Outcome bad = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms",
                "xrbench/Dual_4K__WS_OS", "--schedulers", "fcfs,edf", "--trace-window", "1s..500ms", "--progress",
                "none", "--out", dir.resolve("bad").toString());
        assertEquals(2, bad.code(), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("--trace-window"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing published");
    }

    @Test
    void aThirdPartyReporterOnTheClasspathIsSelectedById(@TempDir Path dir) throws IOException {
        CliRunTest.Outcome o = rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
                "--scheduler", "fcfs", "--report", "json,test-echo", "--progress", "none", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        List<String> echo = Files.readAllLines(dir.resolve("echo.txt"));
        assertEquals("blocks " + (0 + Long.parseLong(echo.get(0).substring(7))), echo.get(0));
        JsonObject summary = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
        long released = summary.getAsJsonObject("frames").get("released").getAsLong();
        assertEquals("requests " + released, echo.get(1), "the plugin saw every request");
        assertTrue(o.err().isEmpty(), "--progress none prints nothing: " + o.err());
        assertTrue(rtmm("list").out().contains("test-echo"), "listed like a bundled reporter");
    }

    @Test
    void aReporterInAPluginJarIsSelectedById(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("jarred-reporter.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("META-INF/services/org.rtmmlab.api.run.MetricReporter"));
            j.write("org.rtmmlab.cli.JarredReporter\n".getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry("org/rtmmlab/cli/JarredReporter.class"));
            try (InputStream in = JarredReporter.class.getResourceAsStream("JarredReporter.class")) {
                j.write(in.readAllBytes());
            }
        }
        String[] args = {"run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
            "--scheduler", "edf", "--report", "test-jarred", "--out", dir.resolve("run").toString()};
        CliRunTest.Outcome without = rtmm(args);
        assertEquals(2, without.code(), "not found without the jar");
        assertTrue(without.err().contains("unknown reporter 'test-jarred'"), without.err());
        String[] withJar = new String[args.length + 2];
        System.arraycopy(args, 0, withJar, 0, args.length);
        withJar[args.length] = "--plugins";
        withJar[args.length + 1] = jar.toString();
        CliRunTest.Outcome with = rtmm(withJar);
        assertEquals(0, with.code(), with.err());
        assertEquals("edf\n", Files.readString(dir.resolve("run/jarred.txt")));
    }

    @Test
    void compareWritesReporterComparisonsTheCsvAndRunProgress(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("tables/compare.csv");
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms",
                "xrbench/Single_4K__WS,xrbench/Dual_4K__WS_OS", "--schedulers", "xrbench-greedy,edf",
                "--report", "html,test-echo", "--csv", csv.toString(), "--json", "--jobs", "2",
                "--out", dir.resolve("out").toString());
        assertEquals(0, o.code(), o.err());
        JsonArray runs = JsonParser.parseString(o.out()).getAsJsonArray();
        assertEquals(4, runs.size());
        assertTrue(o.err().lines().anyMatch(l -> l.equals("4/4 runs, 100%")), o.err());
        assertFalse(o.out().contains("runs, "), "progress never on stdout");
        String html = Files.readString(dir.resolve("out/compare.html"));
        assertTrue(html.contains("id=\"score\"") && html.contains("id=\"energy\""), "comparison charts");
        assertEquals(List.of("baseline xrbench-greedy", "xrbench/VR_gaming xrbench/Single_4K__WS xrbench-greedy",
                "xrbench/VR_gaming xrbench/Single_4K__WS edf", "xrbench/VR_gaming xrbench/Dual_4K__WS_OS xrbench-greedy",
                "xrbench/VR_gaming xrbench/Dual_4K__WS_OS edf"), Files.readAllLines(dir.resolve("out/echo-compare.txt")));
        assertTrue(Files.exists(dir.resolve("out/xrbench_VR_gaming/xrbench_Dual_4K__WS_OS/edf-seed1/report.html")));

        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of(ComparisonTables.CSV_HEADER), p.getHeaderNames());
            rows = p.getRecords();
        }
        JsonObject edfDual = runs.get(3).getAsJsonObject();
        JsonObject greedyDual = runs.get(2).getAsJsonObject();
        assertEquals("edf", edfDual.get("scheduler").getAsString());
        CSVRecord score = rows.stream().filter(r -> r.get("scheduler").equals("edf")
                && r.get("platform").equals("xrbench/Dual_4K__WS_OS") && r.get("metric").equals("xrbench.score"))
                .findFirst().orElseThrow();
        double v = edfDual.get("xrbenchScore").getAsDouble();
        double b = greedyDual.get("xrbenchScore").getAsDouble();
        assertEquals(v, Double.parseDouble(score.get("value")), 1e-12);
        assertEquals(b, Double.parseDouble(score.get("baseline")), 1e-12);
        assertEquals((v - b) / b, Double.parseDouble(score.get("change")), 1e-12);
        for (JsonElement run : runs) {
            JsonObject ro = run.getAsJsonObject();
            long expected = 8 + ro.getAsJsonObject("metrics").keySet().stream()
                    .filter(k -> !k.equals("xrbench.score") && !k.equals("missRate")).count();
            long actual = rows.stream().filter(r -> r.get("scheduler").equals(ro.get("scheduler").getAsString())
                    && r.get("platform").equals(ro.get("platform").getAsString())).count();
            assertEquals(expected, actual, "8 main figures plus the run's other metrics: " + ro.get("platform"));
        }
    }

    @Test
    void compareTablePrintsGeometricMeansAndChanges(@TempDir Path dir) {
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", "xrbench/VR_gaming,xrbench/AR_gaming", "--platforms",
                "xrbench/Single_4K__WS", "--schedulers", "edf,fcfs", "--baseline", "fcfs", "--progress", "none",
                "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        List<String> out = o.out().lines().toList();
        // the UXCost columns appear when the runs carry the uxcost metric (the engine's runs do)
        assertTrue(out.get(0).matches("scenario +platform +scheduler +score +vs fcfs( +UXCost +vs fcfs)? +miss +energy mJ"
                + " +energy vs fcfs"),
                out.get(0));
        int g = out.indexOf("");
        assertTrue(out.get(g + 1).matches("scheduler +runs +mean score +geomean score +score / fcfs +geomean energy mJ +energy / fcfs"),
                out.get(g + 1));
        assertTrue(out.get(g + 3).matches("edf +2 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+"), out.get(g + 3));
        assertTrue(out.get(g + 4).matches("fcfs +2 +[0-9.]+ +[0-9.]+ +1\\.000 +[0-9.]+ +1\\.000"), out.get(g + 4));
        assertEquals(out.get(0).length(), out.get(1).length(), "rule as wide as the header");
    }

    @Test
    void noPercentageAgainstANearZeroBaselineScore(@TempDir Path dir) {
        // xrbench-greedy scores ~1e-40 here (every frame far past its deadline): shown as 0.000, and the other
        // scheduler's change against it is "-", not a 40-digit percentage that widens the table.
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", "xrbench/AR_gaming", "--platforms", "xrbench/Single_4K__OS",
                "--schedulers", "xrbench-greedy,fcfs", "--progress", "none", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        List<String> out = o.out().lines().toList();
        assertTrue(out.get(2).matches("xrbench/AR_gaming +xrbench/Single_4K__OS +xrbench-greedy +0\\.000 +- .*"),
                out.get(2));
        assertTrue(out.stream().allMatch(l -> l.length() < 160), o.out());
    }

    @Test
    void badProgressModeOrReporterIdIsOneLine() {
        CliRunTest.Outcome o = rtmm("compare", "--progress", "fancy");
        assertEquals(2, o.code());
        assertEquals("error: --progress: unknown mode 'fancy'; known: auto, bar, lines, none", o.err().strip());
        CliRunTest.Outcome r = rtmm("compare", "--schedulers", "edf", "--report", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("unknown reporter 'nope'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
