package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;

/** {@code compare --reduction-of} and {@code --uxcost-floor}: the geometric-mean reductions and how zeros count. */
class UxCostReductionTest {

    private static RunResult run(String scenario, String scheduler, long seed, double uxcost) {
        return new RunResult(RunConfig.of(scenario, "p", scheduler, seed), "test", 1, new FrameCounts(1, 1, 0, 0, 0),
                1, List.of(), Map.of("uxcost", uxcost));
    }

    @Test
    void reductionIsOneMinusTheGeometricMeanOfPerCellRatiosOfSeedMeans() {
        List<RunResult> runs = new ArrayList<>();
        // cell a: dream seeds 1 and 3 -> mean 2; fcfs 4 -> ratio 0.5; edf 2.5 -> ratio 0.8; best is edf
        runs.add(run("a", "dream", 1, 1));
        runs.add(run("a", "dream", 2, 3));
        runs.add(run("a", "fcfs", 1, 4));
        runs.add(run("a", "fcfs", 2, 4));
        runs.add(run("a", "edf", 1, 2.5));
        runs.add(run("a", "edf", 2, 2.5));
        // cell b: dream 1, fcfs 0.5 (ratio 2), edf 8 (ratio 0.125); best is fcfs
        runs.add(run("b", "dream", 1, 1));
        runs.add(run("b", "fcfs", 1, 0.5));
        runs.add(run("b", "edf", 1, 8));
        // cell c: dream 0 and fcfs 0 (a tie, left out), edf 1 (only dream 0); best is fcfs (0): a tie
        runs.add(run("c", "dream", 1, 0));
        runs.add(run("c", "fcfs", 1, 0));
        runs.add(run("c", "edf", 1, 1));
        // cell d: dream 2, fcfs 0 (only the other 0), edf 4 (ratio 0.5); best is fcfs (0)
        runs.add(run("d", "dream", 1, 2));
        runs.add(run("d", "fcfs", 1, 0));
        runs.add(run("d", "edf", 1, 4));
        List<UxCostReduction.Row> rows = UxCostReduction.rows(runs, "dream", r -> r.metric("uxcost"));
        assertEquals(List.of("fcfs", "edf", "best per cell"), rows.stream().map(UxCostReduction.Row::versus).toList());

        UxCostReduction.Row fcfs = rows.get(0);
        assertEquals(2, fcfs.cells());
        assertEquals(Math.sqrt(0.5 * 2), fcfs.geomeanRatio(), 1e-12);
        assertEquals(0, fcfs.reduction(), 1e-12);
        assertEquals(0.5, fcfs.best(), 1e-12);
        assertEquals(2, fcfs.worst(), 1e-12);
        assertEquals(List.of(1, 0, 1), List.of(fcfs.bothZero(), fcfs.onlyOfZero(), fcfs.onlyOtherZero()));

        UxCostReduction.Row edf = rows.get(1);
        assertEquals(3, edf.cells());
        assertEquals(Math.cbrt(0.8 * 0.125 * 0.5), edf.geomeanRatio(), 1e-12);
        assertEquals(List.of(0, 1, 0), List.of(edf.bothZero(), edf.onlyOfZero(), edf.onlyOtherZero()));

        UxCostReduction.Row best = rows.get(2);
        // a: edf 2.5 (0.8), b: fcfs 0.5 (2), c: fcfs 0 (both 0), d: fcfs 0 (only other 0)
        assertEquals(2, best.cells());
        assertEquals(Math.sqrt(0.8 * 2), best.geomeanRatio(), 1e-12);
        assertEquals(List.of(1, 0, 1), List.of(best.bothZero(), best.onlyOfZero(), best.onlyOtherZero()));

        List<String> lines = UxCostReduction.lines(runs, "dream", "UXCost", r -> r.metric("uxcost"));
        assertTrue(lines.get(0).startsWith("UXCost reduction of dream = 1 - geometric mean"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("edf +3 +0\\.368 +\\+63\\.2% +\\+87\\.5% +\\+20\\.0% +0 +1 +0")),
                String.join("\n", lines));
    }

    /** The floored UXCost of compare equals the engine's own with --set engine.uxcostFloor on the same runs. */
    @Test
    void flooredUxCostMatchesARunWithTheEngineFloor(@TempDir Path dir) {
        String[] args = {"compare", "--scenarios", "xrbench/VR_gaming,xrbench/social_interactionB", "--platforms",
            "xrbench/Quad_8K__WS_OS_WS_OS", "--schedulers", "edf,fcfs", "--progress", "none", "--report", "json",
            "--json"};
        List<String> plain = new ArrayList<>(List.of(args));
        plain.addAll(List.of("--out", dir.resolve("a").toString()));
        List<String> floored = new ArrayList<>(List.of(args));
        floored.addAll(List.of("--out", dir.resolve("b").toString(), "--set", "engine.uxcostFloor=0.01"));
        JsonArray a = JsonParser.parseString(rtmm(plain.toArray(String[]::new)).out()).getAsJsonArray();
        JsonArray b = JsonParser.parseString(rtmm(floored.toArray(String[]::new)).out()).getAsJsonArray();
        assertEquals(4, a.size());
        boolean differs = false;
        for (int i = 0; i < a.size(); i++) {
            var ma = a.get(i).getAsJsonObject().getAsJsonObject("metrics");
            double energy = a.get(i).getAsJsonObject().get("energyMj").getAsDouble();
            var f = a.get(i).getAsJsonObject().getAsJsonObject("frames");
            RunResult r = new RunResult(RunConfig.of("s", "p", "x", 1), "", 1, new FrameCounts(
                    f.get("released").getAsLong(), f.get("onTime").getAsLong(), f.get("late").getAsLong(),
                    f.get("dropped").getAsLong(), f.get("inFlight").getAsLong()), energy, List.of(),
                    Map.of("uxcost.energyRef.mJ", ma.get("uxcost.energyRef.mJ").getAsDouble()));
            double engine = b.get(i).getAsJsonObject().getAsJsonObject("metrics").get("uxcost").getAsDouble();
            assertEquals(engine, ComparisonTables.uxcost(r, 0.01), 0.0, "run " + i);
            differs |= engine != ma.get("uxcost").getAsDouble();
        }
        assertTrue(differs, "some run has a miss rate below the floor, or the test shows nothing");
    }

    @Test
    void theTablePrintsBothReductionsAndBadOptionsAreOneLineErrors(@TempDir Path dir) {
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms",
                "xrbench/Dual_4K__WS_OS", "--schedulers", "fcfs,edf,rr", "--reduction-of", "edf", "--uxcost-floor",
                "0.01", "--progress", "none", "--report", "json", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).contains("UXCost@0.01"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("UXCost reduction of edf = ")), o.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("UXCost@0.01 reduction of edf = ")), o.out());
        assertEquals(2, lines.stream().filter(l -> l.matches("best per cell +1 .*")).count(), o.out());

        CliRunTest.Outcome unknown = rtmm("compare", "--schedulers", "fcfs,edf", "--reduction-of", "dream");
        assertEquals(List.of("error: --reduction-of: 'dream' is not among --schedulers [fcfs, edf]"),
                unknown.err().lines().toList());
        CliRunTest.Outcome floor = rtmm("compare", "--schedulers", "fcfs,edf", "--uxcost-floor", "2");
        assertEquals(List.of("error: --uxcost-floor: must be in [0, 1], got 2.0"), floor.err().lines().toList());
    }
}
