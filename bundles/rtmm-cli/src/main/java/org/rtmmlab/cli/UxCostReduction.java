package org.rtmmlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.stats.MeanInterval;

/**
 * {@code compare --reduction-of ID}: how much lower scheduler ID's UXCost is than each other scheduler's, as the
 * DREAM paper reports it (geometric mean over scenarios of the reduction; "up to" the best cell). Per scenario x
 * platform cell the UXCost of a scheduler is the mean over its seeds; the ratio of a cell is ID's mean / the other's
 * mean, the reduction 1 - the geometric mean of the ratios over the cells. A last row compares ID with the best other
 * scheduler of each cell (the lowest mean UXCost there, the first in {@code --schedulers} order on a tie).
 *
 * <p>Zeros: without {@code engine.uxcostFloor} a run without a late or dropped frame has UXCost 0, and a ratio with
 * a 0 would make the geometric mean 0 or undefined. Such cells are left out of the geometric mean and counted in
 * their own columns: both 0 (a tie), only ID 0 (ID strictly better), only the other 0 (ID strictly worse).
 */
final class UxCostReduction {

    private UxCostReduction() {
    }

    /** What the ratios of one comparison came to. */
    record Row(String versus, int cells, double geomeanRatio, double best, double worst, int bothZero,
               int onlyOfZero, int onlyOtherZero) {

        /** @return 1 - the geometric mean of the ratios (NaN without a cell where both are &gt; 0) */
        double reduction() {
            return 1 - geomeanRatio;
        }
    }

    /**
     * @param results the runs of the comparison
     * @param of      the scheduler whose reduction is reported
     * @param ux      the UXCost of a run (with or without a floor)
     * @return one row per other scheduler in order of appearance, then the row versus the best per cell
     */
    static List<Row> rows(List<RunResult> results, String of, ToDoubleFunction<RunResult> ux) {
        Map<String, Map<String, Double>> means = new LinkedHashMap<>(); // cell -> scheduler -> mean UXCost
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> e : ComparisonTables.cells(results).entrySet()) {
            RunResult first = e.getValue().get(0);
            String scheduler = first.config().scheduler();
            double[] v = e.getValue().stream().mapToDouble(ux).toArray();
            means.computeIfAbsent(first.config().scenario() + "|" + first.config().platform(),
                    k -> new LinkedHashMap<>()).put(scheduler, MeanInterval.of(v).mean());
            if (!scheduler.equals(of) && !others.contains(scheduler)) {
                others.add(scheduler);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String other : others) {
            Accumulator a = new Accumulator();
            means.values().forEach(m -> a.add(m.getOrDefault(of, Double.NaN), m.getOrDefault(other, Double.NaN)));
            rows.add(a.row(other));
        }
        Accumulator best = new Accumulator();
        for (Map<String, Double> m : means.values()) {
            double lowest = Double.NaN;
            for (String other : others) {
                double v = m.getOrDefault(other, Double.NaN);
                if (Double.isFinite(v) && !(v >= lowest)) {
                    lowest = v;
                }
            }
            best.add(m.getOrDefault(of, Double.NaN), lowest);
        }
        rows.add(best.row("best per cell"));
        return rows;
    }

    /**
     * @param label what UXCost is meant ("UXCost" or "UXCost, floor 0.01")
     * @return the heading, the aligned table and the note on zeros
     */
    static List<String> lines(List<RunResult> results, String of, String label, ToDoubleFunction<RunResult> ux) {
        List<String> lines = new ArrayList<>();
        lines.add(label + " reduction of " + of + " = 1 - geometric mean over scenario x platform cells of (" + of
                + "'s UXCost / the other's), per cell the mean over the seeds:");
        TextTable t = new TextTable(1, "versus", "cells", "geomean ratio", "reduction", "up to", "at worst",
                "both 0", "only " + of + " 0", "only other 0");
        for (Row r : rows(results, of, ux)) {
            t.row(r.versus(), r.cells(), Format.fixed(r.geomeanRatio(), 3), Format.signedPercent(r.reduction()),
                    Format.signedPercent(1 - r.best()), Format.signedPercent(1 - r.worst()), r.bothZero(),
                    r.onlyOfZero(), r.onlyOtherZero());
        }
        lines.addAll(t.lines());
        lines.add("cells with a UXCost of 0 (no late or dropped frame) are left out of the geometric mean and counted"
                + " in the last three columns; 'cells' counts those where both are > 0");
        return lines;
    }

    /** Collects the ratios of one comparison. */
    private static final class Accumulator {
        private double logSum;
        private int n;
        private double best = Double.NaN;
        private double worst = Double.NaN;
        private int bothZero;
        private int onlyOfZero;
        private int onlyOtherZero;

        void add(double of, double other) {
            if (!Double.isFinite(of) || !Double.isFinite(other) || of < 0 || other < 0) {
                return; // a cell one of them did not run (or without UXCost)
            }
            if (of == 0 || other == 0) {
                bothZero += of == 0 && other == 0 ? 1 : 0;
                onlyOfZero += of == 0 && other > 0 ? 1 : 0;
                onlyOtherZero += of > 0 && other == 0 ? 1 : 0;
                return;
            }
            double ratio = of / other;
            logSum += Math.log(ratio);
            n++;
            best = n == 1 ? ratio : Math.min(best, ratio);
            worst = n == 1 ? ratio : Math.max(worst, ratio);
        }

        Row row(String versus) {
            return new Row(versus, n, n == 0 ? Double.NaN : Math.exp(logSum / n), best, worst, bothZero, onlyOfZero,
                    onlyOtherZero);
        }
    }
}
