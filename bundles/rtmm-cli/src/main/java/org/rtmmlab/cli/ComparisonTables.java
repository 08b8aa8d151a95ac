package org.rtmmlab.cli;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunFailure;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.metrics.UxCost;
import org.rtmmlab.engine.stats.GeometricMean;
import org.rtmmlab.engine.stats.MeanInterval;

/**
 * The comparison as text and CSV. Each run is matched with the baseline scheduler's run of the same scenario,
 * platform and seed; changes are (value - baseline) / |baseline|.
 *
 * <p>Text: one row per scenario x platform x scheduler cell (score, UXCost when any run has it, miss rate, energy,
 * each with its change). With several seeds ({@code compare --seeds}) a cell shows the mean over its seeds and the
 * half-width of the 95% confidence interval ({@link MeanInterval}: Student t, n-1 degrees of freedom), written
 * {@code mean+-half}; a change is computed per seed against the baseline run of that seed, and the per-seed changes
 * are then averaged (mean and interval of the changes, not the change of the means). Then the
 * geometric means per scheduler: of the score, of the score ratio to the baseline, of energy and of the energy ratio
 * (a zero makes a geometric mean 0; missing values are left out), and the arithmetic mean score. A change or ratio is
 * only computed against a baseline value at least the column's display resolution (half its last shown digit): an
 * XRBench score of 1e-80 shows as 0.000, and a change relative to it would print a 80-digit percentage that means
 * nothing; such cells show "-" and are left out of the ratio means.
 *
 * <p>CSV ({@code --csv}): long format, one row per run and figure, the shape pandas, R and spreadsheets pivot
 * directly, and one that stays valid when a reporter adds figures: columns scenario, platform, scheduler, seed,
 * metric, value, baseline, change, status, reason. Figures: {@code xrbench.score}, {@code energy.mJ}, {@code missRate}, the frame
 * counts ({@code frames.released}, ...), then every other run metric by name. Numbers as Java's shortest exact
 * decimal text, empty cells for missing values. A finished run's rows have status {@code ok} and an empty reason; a
 * failed run (issue 17) has one row with status {@code failed}, empty metric and numbers, and its one-line reason, after
 * the finished runs, so that a script reading the CSV sees every run the comparison tried.
 */
final class ComparisonTables {

    /** CSV header. */
    static final String[] CSV_HEADER = {"scenario", "platform", "scheduler", "seed", "metric", "value", "baseline",
        "change", "status", "reason"};

    /** CSV status of a finished run's rows. */
    static final String STATUS_OK = "ok";
    /** CSV status of a failed run's row. */
    static final String STATUS_FAILED = "failed";

    /** Run metric holding UXCost. */
    static final String UXCOST = "uxcost";

    /** Smallest baseline the changes of a column are computed against: half the last digit the table shows. */
    private static final double SCORE_RES = 0.0005;
    private static final double UX_RES = 0.00005;
    private static final double ENERGY_RES = 0.05;

    private ComparisonTables() {
    }

    /** @return the baseline run of each scenario/platform/seed (changes pair runs of the same seed) */
    private static Map<String, RunResult> baselines(List<RunResult> results, String base) {
        Map<String, RunResult> m = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.config().scheduler().equals(base)) {
                m.putIfAbsent(pair(r), r);
            }
        }
        return m;
    }

    /** @return the key a run shares with its baseline run: scenario, platform and seed */
    private static String pair(RunResult r) {
        return r.config().scenario() + "|" + r.config().platform() + "|" + r.config().seed();
    }

    /** @return the runs of each scenario x platform x scheduler cell (one per seed), in the order of the results */
    static Map<String, List<RunResult>> cells(List<RunResult> results) {
        Map<String, List<RunResult>> m = new LinkedHashMap<>();
        for (RunResult r : results) {
            m.computeIfAbsent(r.config().scenario() + "|" + r.config().platform() + "|" + r.config().scheduler(),
                    k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** @return the distinct seeds of the runs, in order of first appearance */
    static List<Long> seeds(List<RunResult> results) {
        return results.stream().map(r -> r.config().seed()).distinct().toList();
    }

    /**
     * @return the aligned table (one row per scenario x platform x scheduler cell: the mean over the seeds and, with
     *         more than one seed, the 95% interval), a note on the seeds when there are several, a blank line, then
     *         the geometric means per scheduler over all runs
     */
    static List<String> lines(List<RunResult> results, String base) {
        return lines(results, base, Double.NaN);
    }

    /**
     * @param floor a UXCost violation floor to show beside the runs' own UXCost ({@link #uxcost(RunResult, double)}),
     *              NaN for none
     * @return the table of {@link #lines(List, String)}, with the floored UXCost and its change as extra columns
     */
    static List<String> lines(List<RunResult> results, String base, double floor) {
        Map<String, RunResult> baseRuns = baselines(results, base);
        boolean ux = results.stream().anyMatch(r -> Double.isFinite(r.metric(UXCOST)));
        boolean floored = ux && Double.isFinite(floor);
        List<String> header = new ArrayList<>(List.of("scenario", "platform", "scheduler", "score", "vs " + base));
        if (ux) {
            header.addAll(List.of("UXCost", "vs " + base));
        }
        if (floored) {
            header.addAll(List.of(floorLabel(floor), "vs " + base));
        }
        header.addAll(List.of("miss", "energy mJ", "energy vs " + base));
        TextTable t = new TextTable(3, header.toArray(String[]::new));
        Map<String, List<double[]>> perScheduler = new LinkedHashMap<>();
        for (List<RunResult> cell : cells(results).values()) {
            int n = cell.size();
            double[] score = new double[n];
            double[] scoreChange = new double[n];
            double[] uxcost = new double[n];
            double[] uxChange = new double[n];
            double[] uxFloor = new double[n];
            double[] uxFloorChange = new double[n];
            double[] miss = new double[n];
            double[] energy = new double[n];
            double[] energyChange = new double[n];
            for (int i = 0; i < n; i++) {
                RunResult r = cell.get(i);
                RunResult b = baseRuns.get(pair(r));
                score[i] = r.metric("xrbench.score");
                scoreChange[i] = change(score[i], b == null ? Double.NaN : b.metric("xrbench.score"), SCORE_RES);
                uxcost[i] = r.metric(UXCOST);
                uxChange[i] = change(uxcost[i], b == null ? Double.NaN : b.metric(UXCOST), UX_RES);
                uxFloor[i] = floored ? uxcost(r, floor) : Double.NaN;
                uxFloorChange[i] = floored ? change(uxFloor[i], b == null ? Double.NaN : uxcost(b, floor), UX_RES)
                        : Double.NaN;
                miss[i] = r.frames().missRate();
                energy[i] = r.energyMj();
                energyChange[i] = change(energy[i], b == null ? Double.NaN : b.energyMj(), ENERGY_RES);
                perScheduler.computeIfAbsent(r.config().scheduler(), k -> new ArrayList<>()).add(new double[] {
                    score[i], ratio(score[i], b == null ? Double.NaN : b.metric("xrbench.score"), SCORE_RES),
                    energy[i], ratio(energy[i], b == null ? Double.NaN : b.energyMj(), ENERGY_RES)});
            }
            RunResult first = cell.get(0);
            List<Object> row = new ArrayList<>(List.of(first.config().scenario(), first.config().platform(),
                    first.config().scheduler(), fixed(MeanInterval.of(score), 3),
                    signedPercent(MeanInterval.of(scoreChange))));
            if (ux) {
                row.add(fixed(MeanInterval.of(uxcost), 4));
                row.add(signedPercent(MeanInterval.of(uxChange)));
            }
            if (floored) {
                row.add(fixed(MeanInterval.of(uxFloor), 4));
                row.add(signedPercent(MeanInterval.of(uxFloorChange)));
            }
            row.add(percent(MeanInterval.of(miss)));
            row.add(fixed(MeanInterval.of(energy), 1));
            row.add(signedPercent(MeanInterval.of(energyChange)));
            t.row(row.toArray());
        }
        List<String> lines = new ArrayList<>(t.lines());
        List<Long> seeds = seeds(results);
        if (seeds.size() > 1) {
            lines.add(seedNote(seeds, base));
        }
        lines.add("");
        TextTable g = new TextTable(1, "scheduler", "runs", "mean score", "geomean score", "score / " + base,
                "geomean energy mJ", "energy / " + base);
        perScheduler.forEach((s, rows) -> g.row(s, rows.size(), Format.fixed(mean(rows, 0), 3),
                Format.fixed(geomean(rows, 0), 3), Format.fixed(geomean(rows, 1), 3), Format.fixed(geomean(rows, 2), 1),
                Format.fixed(geomean(rows, 3), 3)));
        lines.addAll(g.lines());
        return lines;
    }

    /** @return the column heading of UXCost with violation floor {@code floor} */
    static String floorLabel(double floor) {
        return "UXCost@" + BigDecimal.valueOf(floor).stripTrailingZeros().toPlainString();
    }

    /**
     * UXCost of a run re-priced with a violation floor: the engine's own formula ({@link UxCost#figures}) on the run's
     * energy, E_ref ({@link UxCost#ENERGY_REF}) and frame accounting, so it equals the {@code uxcost} of the same run
     * made with {@code --set engine.uxcostFloor=floor} (as long as no scheduler reads UXCost while it runs).
     *
     * @return the floored UXCost, NaN when the run has no UXCost
     */
    static double uxcost(RunResult r, double floor) {
        Double v = UxCost.figures(r.energyMj(), r.metric(UxCost.ENERGY_REF), r.frames(), floor).get(UxCost.UXCOST);
        return v == null ? Double.NaN : v;
    }

    /** @return the line explaining the cells of a table over several seeds */
    static String seedNote(List<Long> seeds, String base) {
        return seeds.size() + " seeds (" + seeds.stream().map(String::valueOf).collect(
                java.util.stream.Collectors.joining(",")) + "): each cell is the mean over the seeds +- the half-width"
                + " of its 95% confidence interval (Student t, n-1 degrees of freedom); changes versus " + base
                + " are computed per seed against the " + base + " run of the same seed, then averaged;"
                + " geometric means and ratios below are over all runs, each paired with its seed's " + base + " run";
    }

    /** @return "mean" or, with an interval, "mean+-half" at {@code decimals} decimals */
    static String fixed(MeanInterval m, int decimals) {
        return Format.fixed(m.mean(), decimals) + (Double.isFinite(m.halfWidth())
                ? "+-" + Format.fixed(m.halfWidth(), decimals) : "");
    }

    /** @return a percentage of a fraction, with its interval in percentage points when there is one */
    static String percent(MeanInterval m) {
        return Format.percent(m.mean()) + (Double.isFinite(m.halfWidth()) ? "+-" + Format.percent(m.halfWidth()) : "");
    }

    /** @return a signed percentage of a change, with its interval in percentage points when there is one */
    static String signedPercent(MeanInterval m) {
        return Format.signedPercent(m.mean()) + (Double.isFinite(m.mean()) && Double.isFinite(m.halfWidth())
                ? "+-" + Format.percent(m.halfWidth()) : "");
    }

    /** Writes the long-format CSV of finished runs only to {@code file} (parent directories created). */
    static void writeCsv(List<RunResult> results, String base, Path file) throws IOException {
        writeCsv(results, List.of(), base, file);
    }

    /**
     * Writes the long-format CSV to {@code file} (parent directories created): the finished runs' figures, then one
     * row per failed run with its status and reason.
     */
    static void writeCsv(List<RunResult> results, List<RunFailure> failures, String base, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Map<String, RunResult> baseRuns = baselines(results, base);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).setRecordSeparator('\n').get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(w, format)) {
            for (RunResult r : results) {
                Map<String, Double> figures = figures(r);
                Map<String, Double> bf = baseRuns.containsKey(pair(r)) ? figures(baseRuns.get(pair(r))) : Map.of();
                for (Map.Entry<String, Double> e : figures.entrySet()) {
                    double v = e.getValue();
                    double b = bf.getOrDefault(e.getKey(), Double.NaN);
                    p.printRecord(r.config().scenario(), r.config().platform(), r.config().scheduler(),
                            r.config().seed(), e.getKey(), number(v), number(b), number(change(v, b)), STATUS_OK, "");
                }
            }
            for (RunFailure f : failures) {
                p.printRecord(f.config().scenario(), f.config().platform(), f.config().scheduler(), f.config().seed(),
                        "", "", "", "", STATUS_FAILED, f.reason());
            }
        }
    }

    /** @return the figures of one run in CSV order */
    static Map<String, Double> figures(RunResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("xrbench.score", r.metric("xrbench.score"));
        m.put("energy.mJ", r.energyMj());
        m.put("missRate", r.frames().missRate());
        FrameCounts f = r.frames();
        m.put("frames.released", (double) f.released());
        m.put("frames.onTime", (double) f.onTime());
        m.put("frames.late", (double) f.late());
        m.put("frames.dropped", (double) f.dropped());
        m.put("frames.inFlight", (double) f.inFlight());
        r.metrics().forEach(m::putIfAbsent); // sorted by name
        return m;
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static double change(double v, double base) {
        return Double.isFinite(v) && Double.isFinite(base) && base != 0 ? (v - base) / Math.abs(base) : Double.NaN;
    }

    /** @return the change, NaN when |base| is below {@code resolution} (a change against ~0 means nothing) */
    static double change(double v, double base, double resolution) {
        return Math.abs(base) >= resolution ? change(v, base) : Double.NaN;
    }

    private static double ratio(double v, double base, double resolution) {
        return Double.isFinite(v) && Double.isFinite(base) && Math.abs(base) >= resolution ? v / base : Double.NaN;
    }

    /** @return arithmetic mean of the finite values of column {@code col}, NaN if there are none */
    static double mean(List<double[]> rows, int col) {
        double sum = 0;
        int n = 0;
        for (double[] r : rows) {
            if (Double.isFinite(r[col])) {
                sum += r[col];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** @return the geometric mean ({@link GeometricMean}) of column {@code col} */
    static double geomean(List<double[]> rows, int col) {
        return GeometricMean.of(rows.stream().mapToDouble(r -> r[col]).toArray());
    }
}
