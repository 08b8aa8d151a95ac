package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.RunResult;

/** trace.json (report.trace.format=json) of real VR_gaming runs: well-formed events, one slice per block, flows, counters, determinism. */
class TraceReporterTest {

    private static final String VR = "xrbench/VR_gaming";
    private static final String DUAL = "xrbench/Dual_4K__WS_OS";

    private static JsonObject read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        }
    }

    private static long csvRows(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }

    @Test
    void vrGamingTraceIsWellFormedWithOneSlicePerExecutedBlock(@TempDir Path dir) throws IOException {
        SimRuns.Probe probe = new SimRuns.Probe();
        RunResult result = SimRuns.run(probe, VR, DUAL, "edf", 2_000_000_000L, Map.of("blockLayers", "8"),
                List.of("trace", "csv", SimRuns.PROBE), dir.resolve("run"));
        JsonObject doc = read(dir.resolve("run/trace.json"));
        assertEquals("ms", doc.get("displayTimeUnit").getAsString());
        assertEquals("edf", doc.getAsJsonObject("otherData").get("scheduler").getAsString());
        JsonArray events = doc.getAsJsonArray("traceEvents");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> byPh = new TreeMap<>();
        Map<Long, int[]> flows = new HashMap<>();
        TreeSet<String> processNames = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            problems.addAll(TraceSchema.problems(i, events.get(i)));
            JsonObject e = events.get(i).getAsJsonObject();
            String ph = e.get("ph").getAsString();
            byPh.merge(ph, 1, Integer::sum);
            if (ph.equals("s") || ph.equals("f")) {
                flows.computeIfAbsent(e.get("id").getAsLong(), k -> new int[2])[ph.equals("s") ? 0 : 1]++;
            }
            if (ph.equals("M") && e.get("name").getAsString().equals("process_name")) {
                processNames.add(e.getAsJsonObject("args").get("name").getAsString());
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())));
        long blocks = csvRows(dir.resolve("run/blocks.csv"));
        assertTrue(blocks > 100, "blocks " + blocks);
        assertEquals(blocks, probe.blockRecords);
        assertEquals(blocks, (long) byPh.get("X"), "one X event per executed block");
        assertEquals(csvRows(dir.resolve("run/requests.csv")), instants(events, "arrival"), "one arrival per request");
        assertEquals(result.frames().dropped(), instants(events, "drop"));
        assertEquals(Set3.of("acc0", "acc1", "requests"), processNames);
        assertTrue(byPh.get("C") > 0, "counters");
        assertFalse(flows.isEmpty(), "GE_FBNet_C is cascaded from ES_RITNet: flow arrows expected");
        flows.forEach((id, n) -> assertArrayEquals(new int[] {1, 1}, n, "flow " + id + " start/finish"));
        assertEquals(0, probe.session.counters().lateChanges(), "the watermark held: counters exact");
        assertEquals(0, probe.session.counters().pending());
    }

    @Test
    void blockSlicesCarryRequestFieldsAndCountersStayInRange(@TempDir Path dir) throws IOException {
        SimRuns.Probe probe = new SimRuns.Probe();
        SimRuns.run(probe, VR, DUAL, "edf", 1_000_000_000L, Map.of("blockLayers", "16"), List.of(SimRuns.PROBE),
                dir);
        JsonArray events = read(dir.resolve("trace.json")).getAsJsonArray("traceEvents");
        double lastQueueTs = -1;
        int slices = 0;
        for (JsonElement el : events) {
            JsonObject e = el.getAsJsonObject();
            String ph = e.get("ph").getAsString();
            if (ph.equals("X")) {
                slices++;
                String name = e.get("name").getAsString();
                assertTrue(name.matches("(ES_RITNet|GE_FBNet_C|HT_hand_graph_cnn_half):\\d+-\\d+"), name);
                JsonObject a = e.getAsJsonObject("args");
                for (String f : List.of("request", "frame", "deadline_ms", "slack_ms", "energy_mj", "variant", "task",
                        "outcome", "share", "switch_us")) {
                    assertTrue(a.has(f), f + " in " + e);
                }
                double endMs = (e.get("ts").getAsDouble() + e.get("dur").getAsDouble()) / 1000;
                assertEquals(a.get("deadline_ms").getAsDouble() - endMs, a.get("slack_ms").getAsDouble(), 1e-6);
                assertTrue(e.get("pid").getAsInt() <= 2, "pid of an accelerator");
            } else if (ph.equals("C")) {
                JsonObject a = e.getAsJsonObject("args");
                if (e.get("name").getAsString().equals("queue length")) {
                    double ts = e.get("ts").getAsDouble();
                    assertTrue(ts >= lastQueueTs, "queue counter in time order");
                    lastQueueTs = ts;
                    assertTrue(a.get("queued").getAsLong() >= 0 && a.get("started").getAsLong() >= 0, e.toString());
                } else {
                    double busy = a.get("busy").getAsDouble();
                    assertTrue(busy >= 0 && busy <= 1, e.toString());
                }
            }
        }
        assertTrue(slices > 0);
    }

    @Test
    void sameRunGivesAByteIdenticalTrace(@TempDir Path dir) throws IOException {
        for (String name : List.of("a", "b")) {
            SimRuns.run(new SimRuns.Probe(), VR, DUAL, "fcfs", 500_000_000L, Map.of("blockLayers", "4",
                    TraceOptions.FORMAT, "json"), List.of("trace"), dir.resolve(name));
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/trace.json")), Files.readAllBytes(dir.resolve("b/trace.json")));
    }

    @Test
    void bufferedStateDoesNotGrowWithTheLengthOfTheRun(@TempDir Path dir) {
        long[] maxima = new long[2];
        for (int i = 0; i < 2; i++) {
            SimRuns.Probe probe = new SimRuns.Probe();
            long seconds = i == 0 ? 2 : 16;
            SimRuns.run(probe, VR, DUAL, "edf", seconds * 1_000_000_000L, Map.of("blockLayers", "8"),
                    List.of(SimRuns.PROBE), dir.resolve("d" + seconds));
            maxima[i] = probe.session.maxPendingRequests() + probe.session.counters().maxPending();
            assertTrue(probe.session.maxPendingRequests() < 50, "requests waiting " + probe.session.maxPendingRequests());
        }
        assertTrue(maxima[1] <= maxima[0] * 2 + 20, "8x longer run buffered " + maxima[1] + " vs " + maxima[0]);
    }

    @Test
    void noOutputDirectoryWritesNothing() throws IOException {
        assertTrue(new TraceReporter().open(null, null).finish(null).isEmpty());
    }

    private static long instants(JsonArray events, String name) {
        long n = 0;
        for (JsonElement el : events) {
            JsonObject e = el.getAsJsonObject();
            if (e.get("ph").getAsString().equals("i") && e.get("name").getAsString().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** Sorted set literal. */
    private static final class Set3 {
        static TreeSet<String> of(String... s) {
            return new TreeSet<>(List.of(s));
        }
    }
}
