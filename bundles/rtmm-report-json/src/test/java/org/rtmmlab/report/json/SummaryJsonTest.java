package org.rtmmlab.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.json.JsonWriting;

class SummaryJsonTest {

    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsBothReporters() {
        List<String> ids = new ArrayList<>();
        for (MetricReporter r : ServiceLoader.load(MetricReporter.class)) {
            ids.add(r.id());
        }
        assertTrue(ids.containsAll(List.of("json", "csv")), ids.toString());
    }

    @Test
    void documentHasTheDocumentedShapeAndOrder() {
        String expected = String.join("\n",
                "{",
                "  \"scenario\": \"xrbench/VR_gaming\",",
                "  \"platform\": \"xrbench/Dual_4K__WS_OS\",",
                "  \"scheduler\": \"edf\",",
                "  \"seed\": 42,",
                "  \"durationNs\": 0,",
                "  \"xrbenchCompat\": true,",
                "  \"labVersion\": \"0.1.0-test\",",
                "  \"simulatedNs\": 700000000,",
                "  \"energyMj\": 70.659429,",
                "  \"frames\": {",
                "    \"released\": 4,",
                "    \"onTime\": 2,",
                "    \"late\": 0,",
                "    \"dropped\": 1,",
                "    \"inFlight\": 1",
                "  },",
                "  \"metrics\": {",
                "    \"energy.ref.ratio\": null,",
                "    \"uxcost\": null,",
                "    \"xrbench.score\": 86.466141",
                "  },",
                "  \"perTask\": [",
                "    {",
                "      \"task\": \"ES\",",
                "      \"model\": \"M\",",
                "      \"energyMj\": 70.659429,",
                "      \"frames\": {",
                "        \"released\": 3,",
                "        \"onTime\": 2,",
                "        \"late\": 0,",
                "        \"dropped\": 1,",
                "        \"inFlight\": 0",
                "      },",
                "      \"metrics\": {",
                "        \"latency.p95.ms\": 1.503136",
                "      }",
                "    },",
                "    {",
                "      \"task\": \"GE, gaze\",",
                "      \"model\": \"M\",",
                "      \"energyMj\": 0.0,",
                "      \"frames\": {",
                "        \"released\": 1,",
                "        \"onTime\": 0,",
                "        \"late\": 0,",
                "        \"dropped\": 0,",
                "        \"inFlight\": 1",
                "      },",
                "      \"metrics\": {}",
                "    }",
                "  ],",
                "  \"properties\": {",
                "    \"alpha\": \"x\",",
                "    \"blockLayers\": \"2\"",
                "  }",
                "}",
                "");
        assertEquals(expected, SummaryJson.toJson(Fixtures.result()));
        JsonObject tree = SummaryJson.toJsonTree(Fixtures.result());
        assertEquals(2, tree.getAsJsonArray("perTask").size());
        assertTrue(tree.getAsJsonObject("metrics").get("uxcost").isJsonNull());
    }

    @Test
    void reporterWritesSummaryJsonAtFinishAndAddsNoMetrics() throws IOException {
        ReportSession s = new JsonSummaryReporter().open(Fixtures.info(), dir);
        for (var r : Fixtures.requests()) {
            s.onRequest(r);
        }
        assertFalse(Files.exists(dir.resolve("summary.json")));
        Map<String, Double> extra = s.finish(Fixtures.result());
        assertTrue(extra.isEmpty());
        String text = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        assertEquals(SummaryJson.toJson(Fixtures.result()), text);
        JsonObject parsed = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(42, parsed.get("seed").getAsLong());
        assertEquals(86.466141, parsed.getAsJsonObject("metrics").get("xrbench.score").getAsDouble());
    }

    /** A session fed scheduler swaps writes them, in order, as the swaps array after the properties. */
    @Test
    void swapsTheSessionSawAreInTheSummary() throws IOException {
        ReportSession s = new JsonSummaryReporter().open(Fixtures.info(), dir);
        s.onRequest(Fixtures.requests().get(0));
        s.onSwap(new SchedulerSwap(250_000_000L, "fcfs", "rtmm-scheduler-classic", "0.1.0.202612071200", "dream",
                "rtmm-scheduler-dream", "0.2.0", Map.of("alpha", "0.5", "beta", "2")));
        s.onSwap(new SchedulerSwap(500_000_000L, "dream", "rtmm-scheduler-dream", "0.2.0", "edf", "", "", Map.of()));
        s.finish(Fixtures.result());
        String text = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
        assertTrue(text.endsWith(String.join("\n",
                "  \"properties\": {",
                "    \"alpha\": \"x\",",
                "    \"blockLayers\": \"2\"",
                "  },",
                "  \"swaps\": [",
                "    {",
                "      \"timeNs\": 250000000,",
                "      \"fromScheduler\": \"fcfs\",",
                "      \"fromBundle\": \"rtmm-scheduler-classic\",",
                "      \"fromVersion\": \"0.1.0.202612071200\",",
                "      \"toScheduler\": \"dream\",",
                "      \"toBundle\": \"rtmm-scheduler-dream\",",
                "      \"toVersion\": \"0.2.0\",",
                "      \"properties\": {",
                "        \"alpha\": \"0.5\",",
                "        \"beta\": \"2\"",
                "      }",
                "    },",
                "    {",
                "      \"timeNs\": 500000000,",
                "      \"fromScheduler\": \"dream\",",
                "      \"fromBundle\": \"rtmm-scheduler-dream\",",
                "      \"fromVersion\": \"0.2.0\",",
                "      \"toScheduler\": \"edf\",",
                "      \"toBundle\": \"\",",
                "      \"toVersion\": \"\",",
                "      \"properties\": {}",
                "    }",
                "  ]",
                "}",
                "")), text);
        assertFalse(SummaryJson.toJson(Fixtures.result()).contains("swaps"), "no swap, no member");
    }

    /**
     * The streamed document is, byte for byte, what Gson prints for the same document built as a tree (how
     * summary.json was written before it was streamed): a long run's per-window metrics, non-finite values, escaping,
     * a swap.
     */
    @Test
    void streamedTextIsWhatGsonPrintsForTheTree() throws IOException {
        Map<String, Double> window = new java.util.TreeMap<>();
        for (int i = 0; i < 3600; i++) {
            String w = String.format("window.%04d.", i);
            window.put(w + "released", (double) (i % 7));
            window.put(w + "missRate", i % 5 == 0 ? 0.0 : 1.0 / (i + 3));
            window.put(w + "latency.mean.ms", i % 11 == 0 ? Double.NaN : i * 0.125 + 1e-9);
        }
        window.put("latency.p95.ms", Double.NEGATIVE_INFINITY);
        RunConfig c = new RunConfig("s/<x>&\"y\"", "p\u00e9\u2028", "edf", -3, 3_600_000_000_000L, false,
                Map.of("a=b", "<tag> & 'q' \\ \u0001"), List.of("json"));
        RunResult r = new RunResult(c, "0.1.0", 3_600_000_000_000L, new FrameCounts(10, 7, 1, 1, 1), 1e-12,
                List.of(new TaskResult("T", "M", new FrameCounts(10, 7, 1, 1, 1), 12345678.9, window)),
                Map.of("xrbench.score", 75.62, "window.ms", 1000.0));
        List<SchedulerSwap> swaps = List.of(new SchedulerSwap(5L, "edf", "b", "1", "fcfs", "b", "1", Map.of()));

        JsonObject o = new JsonObject();
        o.addProperty("scenario", c.scenario());
        o.addProperty("platform", c.platform());
        o.addProperty("scheduler", c.scheduler());
        o.addProperty("seed", c.seed());
        o.addProperty("durationNs", c.durationNs());
        o.addProperty("xrbenchCompat", c.xrbenchCompat());
        o.addProperty("labVersion", r.labVersion());
        o.addProperty("simulatedNs", r.simulatedNs());
        o.add("energyMj", treeNumber(r.energyMj()));
        o.add("frames", SummaryJson.frames(r.frames()));
        o.add("metrics", SummaryJson.metrics(r.metrics(), true));
        JsonArray tasks = new JsonArray();
        for (TaskResult t : r.perTask()) {
            JsonObject to = new JsonObject();
            to.addProperty("task", t.task());
            to.addProperty("model", t.model());
            to.add("energyMj", treeNumber(t.energyMj()));
            to.add("frames", SummaryJson.frames(t.frames()));
            to.add("metrics", SummaryJson.metrics(t.metrics(), true));
            tasks.add(to);
        }
        o.add("perTask", tasks);
        o.add("properties", JsonWriting.strings(c.properties()));
        o.add("swaps", JsonWriting.swaps(swaps, "fromScheduler", "toScheduler"));
        String tree = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(o)
                + "\n";

        assertEquals(tree, SummaryJson.toJson(r, swaps));
        java.io.StringWriter streamed = new java.io.StringWriter();
        SummaryJson.write(r, swaps, streamed);
        assertEquals(tree, streamed.toString());
        assertTrue(tree.contains("\"window.3599.released\": 1.0\n"), "window metrics streamed");
        assertEquals(o, SummaryJson.toJsonTree(r, swaps), "the tree is the parsed text");
    }

    private static com.google.gson.JsonElement treeNumber(double v) {
        return Double.isFinite(v) ? new com.google.gson.JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE;
    }

    @Test
    void noOutputDirectoryWritesNothing() throws IOException {
        ReportSession s = new JsonSummaryReporter().open(Fixtures.info(), null);
        assertTrue(s.finish(Fixtures.result()).isEmpty());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void ioErrorsPropagate() throws IOException {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        ReportSession s = new JsonSummaryReporter().open(Fixtures.info(), notADir);
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> s.finish(Fixtures.result()));
    }
}
