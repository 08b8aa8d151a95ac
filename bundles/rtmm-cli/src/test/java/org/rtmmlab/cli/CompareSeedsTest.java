package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.stats.MeanInterval;
import org.rtmmlab.shell.options.SeedList;

/** {@code compare --seeds}: the seed syntax, the interval arithmetic and the per-seed table, JSON and CSV. */
class CompareSeedsTest {

    @Test
    void seedListsAcceptListsRangesAndBoth() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), SeedList.parse("1..5"));
        assertEquals(List.of(1L, 3L, 7L), SeedList.parse("1,3,7"));
        assertEquals(List.of(1L, 2L, 3L, 9L), SeedList.parse("1..3,9"));
        assertEquals(List.of(4L), SeedList.parse("4..4"));
        assertEquals(List.of(0L, 10L, 11L), SeedList.parse(" 0 , 10 .. 11 "));
        assertEquals(SeedList.MAX, SeedList.parse("1.." + SeedList.MAX).size());
    }

    @Test
    void badSeedListsAreOneLineErrorsNamingTheItem() {
        assertSeedError("", "no seeds given");
        assertSeedError("1,,2", "empty item in '1,,2'");
        assertSeedError("1,", "empty item");
        assertSeedError("5..1", "range '5..1' is reversed (5 > 1)");
        assertSeedError("1..", "range '1..' lacks a bound");
        assertSeedError("..3", "range '..3' lacks a bound");
        assertSeedError("1..3,2", "seed 2 is given more than once in '1..3,2'");
        assertSeedError("1..3,3..4", "seed 3 is given more than once");
        assertSeedError("a", "'a' in 'a' is no seed or range");
        assertSeedError("-1", "'-1' in '-1' is no seed or range");
        assertSeedError("1..2..3", "'1..2..3' in '1..2..3' is no seed or range");
        assertSeedError("1.5", "is no seed or range");
        assertSeedError("1.." + (SeedList.MAX + 1), "more than " + SeedList.MAX + " seeds");
        assertSeedError("1..500,1000..1600", "more than " + SeedList.MAX + " seeds");
        assertSeedError("0..9999999999999", "more than " + SeedList.MAX + " seeds");
        assertSeedError("99999999999999999999", "too large");
    }

    private static void assertSeedError(String text, String part) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SeedList.parse(text));
        assertTrue(e.getMessage().startsWith("--seeds: ") && e.getMessage().contains(part), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void intervalIsTheStudentTIntervalWithNMinusOneDegreesOfFreedom() {
        MeanInterval m = MeanInterval.of(1, 2, 3, 4, 5);
        assertEquals(5, m.n());
        assertEquals(3, m.mean(), 1e-12);
        // t(0.975, 4) = 2.776445 (any t table); s = sqrt(2.5)
        assertEquals(2.776445105 * Math.sqrt(2.5) / Math.sqrt(5), m.halfWidth(), 1e-8);
        // two values: t(0.975, 1) = 12.706205
        assertEquals(12.70620474 * Math.sqrt(0.5) / Math.sqrt(2), MeanInterval.of(10, 11).halfWidth(), 1e-6);
        MeanInterval one = MeanInterval.of(7, Double.NaN);
        assertEquals(1, one.n(), "NaN left out");
        assertEquals(7, one.mean());
        assertTrue(Double.isNaN(one.halfWidth()), "n = 1 has no interval");
        assertTrue(Double.isNaN(MeanInterval.of().mean()));
        assertEquals(0, MeanInterval.of(2, 2, 2).halfWidth(), "equal values: an interval of width 0");
    }

    @Test
    void helpNamesTheIntervalAndItsDistribution() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream tracer = new java.io.ByteArrayOutputStream();
        CliRunTest.Outcome help;
        System.setErr(new java.io.PrintStream(tracer, true, StandardCharsets.UTF_8));
        try {
            help = rtmm("compare", "--help");
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, help.code());
        assertEquals("", tracer.toString(StandardCharsets.UTF_8), "picocli's tracer: a help text that does not format");
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("95% confidence interval (Student t, n-1 degrees of freedom)"), text);
        assertTrue(text.contains("--reduction-of") && text.contains("--uxcost-floor"), text);
    }

    @Test
    void seedsAndSeedAreMutuallyExclusiveAndBadListsFailBeforeAnyRun(@TempDir Path dir) {
        CliRunTest.Outcome both = rtmm("compare", "--seed", "3", "--seeds", "1..2", "--out", dir.toString());
        assertEquals(2, both.code());
        assertEquals(List.of("error: --seeds: cannot be combined with --seed; give one seed as --seed N or several as "
                + "--seeds LIST"), both.err().lines().toList());
        CliRunTest.Outcome reversed = rtmm("compare", "--seeds", "3..1", "--out", dir.toString());
        assertEquals(2, reversed.code());
        assertEquals(List.of("error: --seeds: range '3..1' is reversed (3 > 1) in '3..1'"),
                reversed.err().lines().toList());
        assertTrue(dir.toFile().list().length == 0, "nothing written");
    }

    /**
     * Three seeds of a seed-dependent scenario: one JSON document per run with its seed, the CSV's baseline is the
     * baseline run of the same seed, and each table cell is the mean +- the 95% half-width of the runs' values
     * (changes: per seed, then averaged).
     */
    @Test
    void everyCellRunsOncePerSeedAndTheTableShowsMeansWithIntervals(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("c.csv");
        String[] common = {"compare", "--scenarios", "drone/patrol", "--platforms", "xrbench/Dual_4K__WS_OS",
            "--schedulers", "fcfs,edf", "--duration", "1s", "--seeds", "1..3", "--progress", "none", "--report",
            "json", "--out", dir.resolve("out").toString()};
        List<String> jsonArgs = new ArrayList<>(List.of(common));
        jsonArgs.addAll(List.of("--json", "--csv", csv.toString()));
        CliRunTest.Outcome json = rtmm(jsonArgs.toArray(String[]::new));
        assertEquals(0, json.code(), json.err());
        JsonArray runs = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(6, runs.size());
        double[] fcfs = new double[3];
        double[] edf = new double[3];
        double[] change = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonObject f = runs.get(i).getAsJsonObject();
            JsonObject e = runs.get(3 + i).getAsJsonObject();
            assertEquals("fcfs", f.get("scheduler").getAsString());
            assertEquals("edf", e.get("scheduler").getAsString());
            assertEquals(i + 1, f.get("seed").getAsLong());
            assertEquals(i + 1, e.get("seed").getAsLong());
            fcfs[i] = f.get("energyMj").getAsDouble();
            edf[i] = e.get("energyMj").getAsDouble();
            change[i] = (edf[i] - fcfs[i]) / fcfs[i];
            assertTrue(Files.exists(dir.resolve("out/drone_patrol/xrbench_Dual_4K__WS_OS/edf-seed" + (i + 1)
                    + "/summary.json")));
        }
        assertTrue(fcfs[0] != fcfs[1] || fcfs[1] != fcfs[2], "the scenario depends on the seed");

        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = p.getRecords();
        }
        for (int i = 0; i < 3; i++) {
            String seed = Integer.toString(i + 1);
            CSVRecord r = rows.stream().filter(x -> x.get("scheduler").equals("edf") && x.get("seed").equals(seed)
                    && x.get("metric").equals("energy.mJ")).findFirst().orElseThrow();
            assertEquals(edf[i], Double.parseDouble(r.get("value")), 1e-9);
            assertEquals(fcfs[i], Double.parseDouble(r.get("baseline")), 1e-9, "baseline of the same seed");
        }

        CliRunTest.Outcome table = rtmm(common);
        assertEquals(0, table.code(), table.err());
        List<String> lines = table.out().lines().toList();
        String edfRow = lines.stream().filter(l -> l.matches("drone/patrol +xrbench/Dual_4K__WS_OS +edf .*"))
                .findFirst().orElseThrow();
        MeanInterval e = MeanInterval.of(edf);
        MeanInterval c = MeanInterval.of(change);
        assertTrue(edfRow.contains(" " + Format.fixed(e.mean(), 1) + "+-" + Format.fixed(e.halfWidth(), 1)), edfRow);
        assertTrue(edfRow.endsWith(Format.signedPercent(c.mean()) + "+-" + Format.percent(c.halfWidth())), edfRow);
        assertEquals(1, lines.stream().filter(l -> l.matches("drone/patrol +xrbench/Dual_4K__WS_OS +edf .*")).count(),
                "one row per cell, not per run");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("3 seeds (1,2,3): ") && l.contains("Student t")),
                table.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("edf +3 .*")), "geometric means over the 3 runs");
    }

    /** With one seed the table has no intervals: the row shows the run's own values. */
    @Test
    void oneSeedShowsNoInterval(@TempDir Path dir) {
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms",
                "xrbench/Single_4K__WS", "--schedulers", "fcfs,edf", "--seeds", "7", "--progress", "none",
                "--report", "json", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(!o.out().contains("+-") && !o.out().contains("seeds ("), o.out());
        assertTrue(Files.exists(dir.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS/edf-seed7/summary.json")));
    }
}
