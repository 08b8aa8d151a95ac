package org.rtmmlab.cli;

import org.rtmmlab.shell.options.DurationConverter;
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

    /** XRBench's one committed result (MIT licence, see the NOTICE next to it in itests/rtmm-reproduction). */
    private static final Path REFERENCE = Path.of(
            "../../itests/rtmm-reproduction/src/test/resources/xrbench/eval_reference.json");

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
        assertEquals(List.of(".rtmm-run", "blocks.csv", "config.json", "report.html", "requests.csv", "summary.json"),
                files); // .rtmm-run: the lab's marker (issue 17), the same bytes for the same inputs
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
            assertEquals(1, o.err().lines().count(), "one line for " + cmd + ":\n" + o.err());
            assertTrue(o.err().startsWith("error: "), cmd + " -> " + o.err());
            assertEquals("", o.out(), cmd);
        }
        assertTrue(rtmm(bad.get(0)).err().contains("unknown scenario 'xrbench/nope'"));
        String known = rtmm(bad.get(2)).err();
        List<String> ids = List.of(known.substring(known.indexOf("known: ") + 7).strip().split(", "));
        assertTrue(ids.containsAll(List.of("edf", "fcfs", "xrbench-greedy")), known); // other bundles may add more
        assertEquals(ids.stream().sorted().toList(), ids, "known ids sorted");
    }

    /** Option errors found while parsing: one line naming the command's help, never the 30-line usage text. */
    @Test
    void optionErrorsAreOneLineWithAPointerToHelp(@TempDir Path dir) {
        String[] run = {"run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
            "--scheduler", "edf", "--out", dir.resolve("bad").toString()};
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("--duration", "0"), "Invalid value for option '--duration': not a positive duration: '0';"
                + " write e.g. 500ms, 1s, 2.5s, 100us, 250000ns");
        cases.put(List.of("--duration", "0.1ns"), "Invalid value for option '--duration': not a positive duration:"
                + " '0.1ns'; write e.g.");
        cases.put(List.of("--duration", "0s"), "Invalid value for option '--duration': not a positive duration:"
                + " '0s'; write e.g.");
        cases.put(List.of("--seed", "abc"), "Invalid value for option '--seed': 'abc' is not a long");
        cases.put(List.of("--set", "foo"), "Value for option '--set' (KEY=VALUE) should be in KEY=VALUE[,KEY=VALUE]... format");
        cases.put(List.of("--bogus"), "Unknown option: '--bogus'");
        cases.put(List.of("--seed", "1", "--seed", "2"), "option '--seed' (N) should be specified only once");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of(run));
            args.addAll(c.getKey());
            Outcome o = rtmm(args.toArray(String[]::new));
            List<String> lines = o.err().lines().toList();
            assertEquals(2, o.code(), args + "\n" + o.err());
            assertEquals(1, lines.size(), args + ":\n" + o.err());
            assertTrue(lines.get(0).startsWith("error: " + c.getValue()), lines.get(0));
            assertTrue(lines.get(0).endsWith(" (see rtmm run --help)"), lines.get(0));
            assertFalse(lines.get(0).contains("Exception"), "no exception class in " + lines.get(0));
        }
        assertEquals(List.of("error: Unknown option: '--bogus' (see rtmm --help)"), rtmm("--bogus").err().lines().toList());
        Outcome compare = rtmm("compare", "--jobs", "x");
        assertEquals(2, compare.code());
        assertEquals(List.of("error: Invalid value for option '--jobs': 'x' is not an int (see rtmm compare --help)"),
                compare.err().lines().toList());
        Outcome missing = rtmm("run", "--scenario", "xrbench/VR_gaming");
        assertEquals(List.of("error: Missing required options: '--platform=ID|FILE', '--scheduler=ID' (see rtmm run --help)"),
                missing.err().lines().toList());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
    }

    /** Every id of compare is resolved, and each list checked for repeats, before the first run writes anything. */
    @Test
    void compareChecksEveryIdBeforeAnyRun(@TempDir Path dir) {
        Path out = dir.resolve("out");
        String[][] bad = {
            {"--scenarios", "xrbench/VR_gaming,nope", "--platforms", "xrbench/Single_4K__WS", "--schedulers", "edf"},
            {"--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS,nope", "--schedulers", "edf"},
            {"--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS",
                "--schedulers", "fcfs,nope"},
            {"--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS", "--schedulers", "edf,edf"},
            {"--scenarios", "xrbench/VR_gaming,xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS"},
            {"--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS,xrbench/Single_4K__WS"},
            {"--scenarios", "xrbench/VR_gaming", "--platforms", dir.resolve("missing.json").toString()},
        };
        List<String> expected = List.of("unknown scenario 'nope'", "unknown platform 'nope'", "unknown scheduler 'nope'",
                "error: --schedulers: 'edf' is given more than once in [edf, edf]",
                "error: --scenarios: 'xrbench/VR_gaming' is given more than once",
                "error: --platforms: 'xrbench/Single_4K__WS' is given more than once", "platform file not found");
        for (int i = 0; i < bad.length; i++) {
            List<String> args = new ArrayList<>(List.of("compare", "--progress", "none", "--out", out.toString()));
            args.addAll(List.of(bad[i]));
            Outcome o = rtmm(args.toArray(String[]::new));
            assertEquals(2, o.code(), args + "\n" + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("error: ") && o.err().contains(expected.get(i)), o.err());
            assertFalse(Files.exists(out), "nothing written for " + args);
        }
    }

    @Test
    void compareGivesEachSchedulerTheSetPropertiesItKnows(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        // edf declares blockLayers, xrbench-greedy declares nothing: blockLayers goes to edf only, engine.* to both
        Outcome o = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS",
                "--schedulers", "xrbench-greedy,edf", "--set", "blockLayers=4", "--set", "engine.dropRule=none",
                "--progress", "none", "--json", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Path cell = out.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS");
        JsonObject edf = JsonParser.parseString(Files.readString(cell.resolve("edf-seed1/config.json")))
                .getAsJsonObject().getAsJsonObject("properties");
        JsonObject greedy = JsonParser.parseString(Files.readString(cell.resolve("xrbench-greedy-seed1/config.json")))
                .getAsJsonObject().getAsJsonObject("properties");
        assertEquals(Map.of("blockLayers", "4", "engine.dropRule", "none"), Map.of("blockLayers",
                edf.get("blockLayers").getAsString(), "engine.dropRule", edf.get("engine.dropRule").getAsString()));
        assertEquals(2, edf.size(), edf.toString());
        assertEquals(1, greedy.size(), greedy.toString());
        assertEquals("none", greedy.get("engine.dropRule").getAsString());
        JsonObject edfConfig = JsonParser.parseString(Files.readString(cell.resolve("edf-seed1/config.json")))
                .getAsJsonObject();
        assertEquals("{\"blockLayers\":\"1\"}", edfConfig.get("schedulerDefaults").toString(), "plain defaults");
        assertEquals("{\"blockLayers\":\"4\"}", edfConfig.get("schedulerProperties").toString(), "the values used");

        Path none = dir.resolve("none");
        Outcome unknown = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS",
                "--schedulers", "xrbench-greedy,edf", "--set", "blokLayers=4", "--out", none.toString());
        assertEquals(2, unknown.code(), unknown.err());
        assertEquals(List.of("error: --set: property 'blokLayers' is not known to any of the schedulers "
                + "[xrbench-greedy, edf] and is no engine.* property; known: xrbench-greedy: (none); edf: blockLayers"),
                unknown.err().lines().toList());
        assertFalse(Files.exists(none), "nothing written");
    }

    @Test
    void propertiesAreSplitByWhatEachPolicyDeclares() {
        org.rtmmlab.api.scheduler.SchedulerPolicy a = policy("a", Map.of("x", "1", "y", "2"));
        org.rtmmlab.api.scheduler.SchedulerPolicy b = policy("b", Map.of("y", "3"));
        org.rtmmlab.api.scheduler.SchedulerPolicy c = policy("c", Map.of());
        Map<String, org.rtmmlab.api.scheduler.SchedulerPolicy> policies = new java.util.LinkedHashMap<>();
        policies.put("a", a);
        policies.put("b", b);
        policies.put("c", c);
        Map<String, String> set = new java.util.LinkedHashMap<>();
        set.put("y", "5");
        set.put("engine.window", "off");
        set.put("x", "7");
        Map<String, Map<String, String>> split = CompareCommand.propertiesPerScheduler(set, policies);
        assertEquals(List.of("a", "b", "c"), List.copyOf(split.keySet()));
        assertEquals(List.of("y", "engine.window", "x"), List.copyOf(split.get("a").keySet()), "command-line order");
        assertEquals(Map.of("y", "5", "engine.window", "off"), split.get("b"));
        assertEquals(Map.of("engine.window", "off"), split.get("c"));
        assertEquals(Map.of(), CompareCommand.propertiesPerScheduler(Map.of(), policies).get("a"));
        set.put("z", "1");
        org.rtmmlab.api.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rtmmlab.api.InvalidInputException.class, () -> CompareCommand.propertiesPerScheduler(set, policies));
        assertEquals("--set: property 'z' is not known to any of the schedulers [a, b, c] and is no engine.* property; "
                + "known: a: x, y; b: y; c: (none)", e.getMessage());
        Map<String, org.rtmmlab.api.scheduler.SchedulerPolicy> one = Map.of("c", c);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.rtmmlab.api.InvalidInputException.class,
                () -> CompareCommand.propertiesPerScheduler(Map.of("x", "1"), one)).getMessage()
                .contains("is not known to scheduler c and"));
    }

    private static org.rtmmlab.api.scheduler.SchedulerPolicy policy(String id, Map<String, String> properties) {
        return new org.rtmmlab.api.scheduler.SchedulerPolicy() {
            @Override public String id() { return id; }
            @Override public String description() { return id; }
            @Override public Map<String, String> defaultProperties() { return properties; }
            @Override public org.rtmmlab.api.scheduler.Scheduler create(org.rtmmlab.api.scheduler.SchedulerContext c) {
                throw new UnsupportedOperationException();
            }
        };
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
        // each scheduler property: key=default, type, range and help from the policy's PropertySpecs
        assertTrue(o.out().lines().anyMatch(l -> l.strip().matches("--set blockLayers=1 +integer \\[0, 2147483647\\] +"
                + "layers per dispatched block, re-decided after each; 0 = the whole remaining job")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.strip()
                .matches("--set objective=edp +choice edp\\|latency\\|energy +.+")), o.out());
    }

    @Test
    void durationsParse() {
        assertEquals(700_000_000L, DurationConverter.parse("700ms"));
        assertEquals(10_000_000_000L, DurationConverter.parse("10s"));
        assertEquals(1_500_000_000L, DurationConverter.parse("1.5s"));
        assertEquals(120_000_000_000L, DurationConverter.parse("2m"));
        assertEquals(250_000L, DurationConverter.parse("250us"));
        assertEquals(1L, DurationConverter.parse("0.5ns"), "rounded half up");
        assertEquals(1L, DurationConverter.parse("0.000001ms"));
        for (String zero : List.of("0.1ns", "0.0004us", "0s", "0")) { // 0 would mean "the scenario's default"
            picocli.CommandLine.TypeConversionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    picocli.CommandLine.TypeConversionException.class, () -> DurationConverter.parse(zero), zero);
            assertFalse(e.getMessage().contains("InvalidInputException"), e.getMessage());
        }
        assertEquals("not a duration below 292 years: '300000000h'; write e.g. 500ms, 1s, 2.5s, 100us, 250000ns",
                org.junit.jupiter.api.Assertions.assertThrows(picocli.CommandLine.TypeConversionException.class,
                        () -> DurationConverter.parse("300000000h")).getMessage());
        // the grammar engine.window and the web API share: exponents, a leading point, any case, spaces
        assertEquals(1_000_000L, DurationConverter.parse("1e3us"));
        assertEquals(500_000L, DurationConverter.parse(".5ms"));
        assertEquals(2_000_000_000L, DurationConverter.parse(" 2 S "));
    }
}
