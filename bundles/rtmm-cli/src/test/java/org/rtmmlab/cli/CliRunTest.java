package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, on the bundled plugins found through ServiceLoader. */
class CliRunTest {

    /** XRBench's one committed result (MIT licence, see the NOTICE next to it in rtmm-engine's test resources). */
    private static final Path REFERENCE = Path.of("../rtmm-engine/src/test/resources/xrbench/eval_reference.json");

    record Outcome(int code, String out, String err) {
    }

    static Outcome rtmm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void compatRunReproducesXrbenchScoreAndItsScheduleInTheCsv(@TempDir Path dir) throws IOException {
        Outcome o = rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
                "--scheduler", "xrbench-greedy", "--xrbench-compat", "--json", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        JsonObject doc = JsonParser.parseString(o.out()).getAsJsonObject();
        JsonObject ref = JsonParser.parseString(Files.readString(REFERENCE)).getAsJsonObject();
        double refScore = ref.getAsJsonObject("summary").get("overall_score").getAsDouble();
        assertEquals(86.466141, refScore);
        assertEquals(refScore, doc.get("xrbenchScore").getAsDouble(), 1e-3);
        for (String field : List.of("scenario", "platform", "scheduler", "seed", "energyMj", "frames", "perModel")) {
            assertTrue(doc.has(field), field);
        }
        JsonObject frames = doc.getAsJsonObject("frames");
        long released = frames.get("released").getAsLong();
        assertEquals(released, frames.get("onTime").getAsLong() + frames.get("late").getAsLong()
                + frames.get("dropped").getAsLong() + frames.get("inFlight").getAsLong());

        // the per-frame CSV holds exactly the reference schedule's completed rows
        Map<String, String[]> csv = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("requests.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int completed = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            String outcome = c[header.indexOf("outcome")];
            if (outcome.equals("ON_TIME") || outcome.equals("LATE")) {
                completed++;
                csv.put(c[header.indexOf("model")] + "#" + c[header.indexOf("frame")], c);
            }
        }
        JsonArray schedule = ref.getAsJsonArray("schedule");
        assertEquals(115, schedule.size());
        assertEquals(schedule.size(), completed);
        for (JsonElement e : schedule) {
            JsonObject row = e.getAsJsonObject();
            String key = row.get("Model Name").getAsString() + "#" + row.get("Frame ID").getAsInt();
            String[] c = csv.get(key);
            assertNotNull(c, "reference row missing in requests.csv: " + key);
            assertMs(row, "Injection Time (ms)", c[header.indexOf("arrival_ms")], key);
            assertMs(row, "Dispatch Time (ms)", c[header.indexOf("start_ms")], key);
            assertMs(row, "Deadline Time (ms)", c[header.indexOf("deadline_ms")], key);
            assertMs(row, "Completion Time (ms)", c[header.indexOf("finish_ms")], key);
            assertEquals(row.get("Energy (mJ)").getAsFloat(), Float.parseFloat(c[header.indexOf("energy_mj")]), 1e-5,
                    key + " energy");
            assertEquals("acc" + row.get("AcceleratorID").getAsInt(), c[header.indexOf("accelerators")], key);
        }
    }

    private static void assertMs(JsonObject row, String field, String csvValue, String key) {
        assertEquals(row.get(field).getAsDouble(), Double.parseDouble(csvValue), 1.5e-6, key + " " + field);
    }

    @Test
    void sameInputsAndSeedGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
        for (String run : List.of("a", "b")) {
            Outcome o = rtmm("run", "--scenario", "xrbench/VR_gaming_50p", "--platform", "xrbench/Dual_4K__WS_OS",
                    "--scheduler", "edf", "--seed", "42", "--duration", "2s", "--out", dir.resolve(run).toString());
            assertEquals(0, o.code(), o.err());
        }
        List<String> files = fileNames(dir.resolve("a"));
        assertEquals(List.of("blocks.csv", "config.json", "report.html", "requests.csv", "summary.json"), files);
        assertEquals(files, fileNames(dir.resolve("b")));
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        Outcome other = rtmm("run", "--scenario", "xrbench/VR_gaming_50p", "--platform", "xrbench/Dual_4K__WS_OS",
                "--scheduler", "edf", "--seed", "43", "--duration", "2s", "--out", dir.resolve("c").toString());
        assertEquals(0, other.code(), other.err());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/requests.csv")),
                Files.readAllBytes(dir.resolve("c/requests.csv"))), "another seed must change the cascade draws");
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo(@TempDir Path dir) {
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {"run", "--scenario", "xrbench/nope", "--platform", "xrbench/Single_4K__WS", "--scheduler", "edf"});
        bad.add(new String[] {"run", "--scenario", "xrbench/VR_gaming", "--platform", "nope", "--scheduler", "edf"});
        bad.add(new String[] {"run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS", "--scheduler", "nope"});
        bad.add(new String[] {"run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS", "--scheduler", "edf", "--duration", "-3s"});
        bad.add(new String[] {"run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS", "--scheduler", "edf", "--set", "blockLayers=x"});
        bad.add(new String[] {"run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS", "--scheduler", "edf", "--report", "nope"});
        bad.add(new String[] {"run", "--scenario", "xrbench/VR_gaming"});
        bad.add(new String[] {"compare", "--schedulers", "edf,fcfs", "--baseline", "rr"});
        bad.add(new String[] {"list", "--plugins", dir.resolve("missing.jar").toString()});
        for (String[] args : bad) {
            if (args[0].equals("run") && args.length > 2) { // never write into the working directory
                args = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                        Stream.of("--out", dir.resolve("bad").toString())).toArray(String[]::new);
            }
            Outcome o = rtmm(args);
            String cmd = String.join(" ", args);
            assertEquals(2, o.code(), cmd + "\n" + o.err());
            assertFalse(o.err().contains("\tat "), "stack trace for " + cmd + ":\n" + o.err());
            assertTrue(o.err().lines().findFirst().orElse("").matches("(error: |Missing required|Invalid value).*"),
                    cmd + " -> " + o.err());
        }
        assertTrue(rtmm(bad.get(0)).err().contains("unknown scenario 'xrbench/nope'"));
        String known = rtmm(bad.get(2)).err();
        List<String> ids = List.of(known.substring(known.indexOf("known: ") + 7).strip().split(", "));
        assertTrue(ids.containsAll(List.of("edf", "fcfs", "xrbench-greedy")), known); // other bundles may add more
        assertEquals(ids.stream().sorted().toList(), ids, "known ids sorted");
    }

    @Test
    void compareRunsTheMatrixAndPrintsJsonList(@TempDir Path dir) {
        Outcome o = rtmm("compare", "--scenarios", "xrbench/VR_gaming,xrbench/social_interactionB", "--platforms",
                "xrbench/Single_4K__WS,xrbench/Dual_4K__WS_OS", "--schedulers", "xrbench-greedy,edf", "--json",
                "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        JsonArray runs = JsonParser.parseString(o.out()).getAsJsonArray();
        assertEquals(8, runs.size());
        assertEquals("xrbench/VR_gaming", runs.get(0).getAsJsonObject().get("scenario").getAsString());
        assertEquals("edf", runs.get(1).getAsJsonObject().get("scheduler").getAsString());
        for (JsonElement r : runs) {
            double score = r.getAsJsonObject().get("xrbenchScore").getAsDouble();
            assertTrue(score >= 0 && score <= 100, "score " + score);
        }
        Outcome table = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS",
                "--schedulers", "xrbench-greedy,edf", "--out", dir.resolve("t").toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("geomean score"), table.out());
        assertTrue(table.out().contains("vs xrbench-greedy"), table.out());
    }

    @Test
    void listShowsBundledPluginsWithBundleAndVersion() {
        Outcome o = rtmm("list", "--all");
        assertEquals(0, o.code(), o.err());
        for (String s : List.of("xrbench-greedy", "rtmm-scheduler-classic", "table", "xrbench", "json", "csv",
                "xrbench/VR_gaming", "xrbench/Quad_8K__WS_OS_WS_OS")) {
            assertTrue(o.out().contains(s), s + " in\n" + o.out());
        }
    }

    @Test
    void durationsParse() {
        assertEquals(700_000_000L, DurationConverter.parse("700ms"));
        assertEquals(10_000_000_000L, DurationConverter.parse("10s"));
        assertEquals(1_500_000_000L, DurationConverter.parse("1.5s"));
        assertEquals(120_000_000_000L, DurationConverter.parse("2m"));
        assertEquals(250_000L, DurationConverter.parse("250us"));
    }
}
