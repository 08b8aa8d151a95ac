package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunResult;

/**
 * trace.perfetto-trace of real VR_gaming runs, read back with protobuf-java ({@link PerfettoTrace}): what
 * trace_processor needs (sequence, interning, descriptors, time order, balanced slices, flows), one slice per block,
 * the window, the size cap, determinism and bounded memory.
 */
class PerfettoTraceTest {

    private static final String VR = "xrbench/VR_gaming";
    private static final String DUAL = "xrbench/Dual_4K__WS_OS";

    /** @return rows of a CSV file as split lines, header dropped (the lab's ids contain no commas) */
    static List<String[]> rows(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.skip(1).map(l -> l.split(",", -1)).toList();
        }
    }

    static long ns(String ms) {
        return new BigDecimal(ms).movePointRight(6).longValueExact();
    }

    @Test
    void wholeRunIsAValidTrackEventTraceWithOneSlicePerBlock(@TempDir Path dir) throws IOException {
        RunResult result = SimRuns.run(new SimRuns.Probe(), VR, DUAL, "edf", 2_000_000_000L,
                Map.of("blockLayers", "8"), List.of("trace", "csv"), dir);
        assertFalse(Files.exists(dir.resolve(TraceReporter.FILE)), "perfetto is the default format");
        PerfettoTrace t = PerfettoTrace.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertEquals(List.of(), t.problems.subList(0, Math.min(20, t.problems.size())));
        assertEquals(Set.of(PerfettoWriter.SEQUENCE_ID), t.sequenceIds);
        List<PerfettoTrace.Event> begins = t.ofType(PerfettoWriter.TYPE_SLICE_BEGIN);
        Set<Object> taskTracks = t.tracks.values().stream()
                .filter(i -> (long) i.get("parent") == 2 && !(Boolean) i.get("counter")).map(i -> i.get("name"))
                .collect(Collectors.toSet());
        assertEquals(3, taskTracks.size(), "VR_gaming has three tasks: " + taskTracks);
        long blocks = rows(dir.resolve("blocks.csv")).size();
        assertTrue(blocks > 100, "blocks " + blocks);
        assertEquals(blocks, begins.size(), "one slice per executed block");
        assertEquals(blocks, t.ofType(PerfettoWriter.TYPE_SLICE_END).size());
        for (PerfettoTrace.Event b : begins) {
            assertTrue(b.name().matches("(ES_RITNet|GE_FBNet_C|HT_hand_graph_cnn_half):\\d+-\\d+"), b.name());
            assertEquals("block", b.category());
            assertTrue(b.args().keySet().containsAll(List.of("request", "task", "frame", "variant", "outcome",
                    "deadline_ms", "slack_ms", "energy_mj")), b.args().toString());
            assertTrue(b.args().get("outcome").toString().matches("ON_TIME|LATE|DROPPED|IN_FLIGHT"), b.toString());
            assertTrue(taskTracks.contains(b.args().get("task")), b + " names a task of " + taskTracks);
            String lane = t.trackName(b.track());
            assertTrue(lane.equals("blocks") || lane.startsWith("lane "), lane);
        }
        Set<String> groups = t.tracks.values().stream().filter(i -> (long) i.get("parent") == 1)
                .map(i -> (String) i.get("name")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("acc0", "acc1", "requests")), groups, "scheduler: only with swaps");
        List<PerfettoTrace.Event> instants = t.ofType(PerfettoWriter.TYPE_INSTANT);
        assertEquals(rows(dir.resolve("requests.csv")).size(),
                instants.stream().filter(e -> "arrival".equals(e.name())).count(), "one arrival per request");
        assertEquals(result.frames().dropped(), instants.stream().filter(e -> "drop".equals(e.name())).count());
        assertEquals(1, instants.stream().filter(e -> "run".equals(e.name())).count());
        assertTrue(t.flowsMatched > 0, "GE_FBNet_C is cascaded from ES_RITNet: flow arrows expected");
        List<PerfettoTrace.Event> counters = t.ofType(PerfettoWriter.TYPE_COUNTER);
        assertTrue(counters.size() > 100);
        for (PerfettoTrace.Event c : counters) {
            String name = t.trackName(c.track());
            if (name.equals("utilisation")) {
                assertTrue(c.value() >= 0 && c.value() <= 1, c.toString());
            } else {
                assertTrue(c.value() >= 0 && c.value() == Math.rint(c.value()), name + " " + c);
            }
        }
    }

    @Test
    void aWindowKeepsOnlyWhatHappensInsideItAndCutsSlicesAtItsEdges(@TempDir Path dir) throws IOException {
        long from = 1_000_000_000L;
        long to = 1_500_000_000L;
        SimRuns.PerfettoProbe probe = new SimRuns.PerfettoProbe();
        SimRuns.run(new SimRuns.Probe(), probe, VR, DUAL, "edf", 3_000_000_000L,
                Map.of("blockLayers", "8", TraceOptions.WINDOW, "1s..1500ms"),
                List.of("csv", SimRuns.PERFETTO_PROBE), dir); // the probe writes the trace reporter's file
        assertEquals(0, probe.session.writer().clampedEvents(), "nothing written out of time order");
        PerfettoTrace t = PerfettoTrace.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertEquals(List.of(), t.problems.subList(0, Math.min(20, t.problems.size())));
        long inWindow = 0;
        for (String[] b : rows(dir.resolve("blocks.csv"))) {
            long start = ns(b[6]);
            long end = ns(b[7]);
            if (end > start ? end > from && start < to : start >= from && start < to) {
                inWindow++;
            }
        }
        assertTrue(inWindow > 20, "blocks in the window " + inWindow);
        List<PerfettoTrace.Event> begins = t.ofType(PerfettoWriter.TYPE_SLICE_BEGIN);
        assertEquals(inWindow, begins.size(), "exactly the blocks overlapping the window");
        assertTrue(begins.stream().anyMatch(b -> Boolean.TRUE.equals(b.args().get("clipped"))),
                "a block crosses an edge");
        for (PerfettoTrace.Event e : t.events) {
            assertTrue(e.ts() >= from && e.ts() <= to, "event at " + e.ts() + ": " + e);
        }
        long arrivals = rows(dir.resolve("requests.csv")).stream()
                .filter(r -> ns(r[5]) >= from && ns(r[5]) < to).count();
        assertEquals(arrivals, t.ofType(PerfettoWriter.TYPE_INSTANT).stream()
                .filter(e -> "arrival".equals(e.name())).count());
        // every counter track has its value at the window's start
        Set<Long> counterTracks = t.tracks.entrySet().stream().filter(e -> (Boolean) e.getValue().get("counter"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        for (long track : counterTracks) {
            assertTrue(t.events.stream().anyMatch(e -> e.track() == track && e.ts() == from),
                    "counter " + t.trackName(track) + " at the window start");
        }
    }

    @Test
    void jsonHonoursTheWindowToo(@TempDir Path dir) throws IOException {
        SimRuns.run(new SimRuns.Probe(), VR, DUAL, "edf", 2_000_000_000L,
                Map.of("blockLayers", "8", TraceOptions.WINDOW, "500ms..1s", TraceOptions.FORMAT, "both"),
                List.of("trace"), dir);
        assertTrue(Files.size(dir.resolve(TraceReporter.PERFETTO_FILE)) > 0);
        var events = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve(TraceReporter.FILE)))
                .getAsJsonObject().getAsJsonArray("traceEvents");
        int slices = 0;
        for (var el : events) {
            var e = el.getAsJsonObject();
            if (e.get("ph").getAsString().equals("M")) {
                continue;
            }
            double ts = e.get("ts").getAsDouble();
            assertTrue(ts >= 500_000 && ts <= 1_000_000, e.toString());
            if (e.get("ph").getAsString().equals("X")) {
                slices++;
                assertTrue(ts + e.get("dur").getAsDouble() <= 1_000_000 + 1e-6, e.toString());
            }
        }
        assertTrue(slices > 10);
        PerfettoTrace t = PerfettoTrace.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertEquals(slices, t.ofType(PerfettoWriter.TYPE_SLICE_BEGIN).size(), "both formats: the same slices");
    }

    @Test
    void theSizeCapEndsOpenSlicesAndMarksTheCut(@TempDir Path dir) throws IOException {
        long cap = 20_000;
        SimRuns.run(new SimRuns.Probe(), VR, DUAL, "edf", 2_000_000_000L,
                Map.of("blockLayers", "8", TraceOptions.MAX_BYTES, Long.toString(cap), TraceOptions.FORMAT, "both"),
                List.of("trace"), dir);
        long size = Files.size(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertTrue(size <= cap && size > cap / 2, "size " + size);
        PerfettoTrace t = PerfettoTrace.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertEquals(List.of(), t.problems);
        PerfettoTrace.Event last = t.events.get(t.events.size() - 1);
        assertEquals("trace truncated", last.name());
        assertTrue(t.ofType(PerfettoWriter.TYPE_SLICE_BEGIN).size() > 20);
        long json = Files.size(dir.resolve(TraceReporter.FILE));
        assertTrue(json <= cap, "json " + json);
        assertTrue(Files.readString(dir.resolve(TraceReporter.FILE)).contains("\"trace truncated\""));
    }

    @Test
    void sameRunGivesAByteIdenticalTrace(@TempDir Path dir) throws IOException {
        for (String name : List.of("a", "b")) {
            SimRuns.run(new SimRuns.Probe(), VR, DUAL, "fcfs", 500_000_000L, Map.of("blockLayers", "4"),
                    List.of("trace"), dir.resolve(name));
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(TraceReporter.PERFETTO_FILE)),
                Files.readAllBytes(dir.resolve("b").resolve(TraceReporter.PERFETTO_FILE)));
    }

    @Test
    void queuedEventsDoNotGrowWithTheLengthOfTheRun(@TempDir Path dir) throws IOException {
        int[] maxima = new int[2];
        for (int i = 0; i < 2; i++) {
            SimRuns.PerfettoProbe probe = new SimRuns.PerfettoProbe();
            long seconds = i == 0 ? 2 : 16;
            SimRuns.run(new SimRuns.Probe(), probe, VR, DUAL, "edf", seconds * 1_000_000_000L,
                    Map.of("blockLayers", "8"), List.of(SimRuns.PERFETTO_PROBE), dir.resolve("d" + seconds));
            maxima[i] = probe.session.maxQueued();
            assertEquals(0, probe.session.writer().clampedEvents(), "the watermark held: nothing out of order");
        }
        assertTrue(maxima[1] <= maxima[0] * 2 + 50, "8x longer run queued " + maxima[1] + " vs " + maxima[0]);
    }

    @Test
    void aBadTraceWindowFailsTheRunBeforeItStartsNamingTheProperty(@TempDir Path dir) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SimRuns.run(new SimRuns.Probe(), VR,
                DUAL, "edf", 1_000_000_000L, Map.of(TraceOptions.WINDOW, "20s..10s"), List.of("json", "trace"),
                dir.resolve("run")));
        assertEquals(TraceOptions.WINDOW, e.path());
        assertFalse(Files.exists(dir.resolve("run")), "nothing published");
    }
}
