package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.stats.GeometricMean;
import org.rtmmlab.engine.stats.MeanInterval;

/**
 * {@code compare.html}: runs of several schedulers over scenarios x platforms. Bar charts of the XRBench score, of
 * UXCost (when the runs carry the {@code uxcost} metric) and of energy, grouped by scenario and platform with one
 * bar per scheduler and the change versus the baseline above each bar; then the full table and geometric means.
 * Runs of several seeds ({@code compare --seeds}) make one bar and one table row per cell: the mean over the seeds
 * with a whisker for the 95% confidence interval ({@link MeanInterval}); changes are computed per seed against the
 * baseline run of that seed, then averaged.
 */
final class ComparisonPage {

    /** Figure ids of the charts (the UXCost one only when present). */
    static final List<String> CHARTS = List.of("score", "uxcost", "energy");

    private ComparisonPage() {
    }

    /** A figure of one run: name, value, and whether less is better. */
    private record Figure(String id, String title, String unit, boolean lowerIsBetter) {
    }

    static String render(List<RunResult> runs, String baseline) {
        return render(runs, List.of(), baseline);
    }

    /** @return the page, with a "Failed runs" table first when {@code failures} is not empty */
    static String render(List<RunResult> runs, List<org.rtmmlab.api.run.RunFailure> failures, String baseline) {
        if (runs.isEmpty()) {
            HtmlPage page = new HtmlPage("RTMM Lab comparison", "0 runs finished, " + failures.size()
                    + " failed; baseline " + baseline);
            failed(page, failures);
            return page.finish();
        }
        List<String> cells = new ArrayList<>();
        List<String> schedulers = new ArrayList<>();
        Map<String, List<RunResult>> byKey = new LinkedHashMap<>(); // cell|scheduler -> its runs, one per seed
        Map<String, RunResult> baseRuns = new LinkedHashMap<>(); // cell|seed -> the baseline's run
        List<String> scenarioIds = new ArrayList<>();
        List<String> platformIds = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (RunResult r : runs) {
            scenarioIds.add(r.config().scenario());
            platformIds.add(r.config().platform());
            if (!seeds.contains(r.config().seed())) {
                seeds.add(r.config().seed());
            }
        }
        String scenarioPrefix = commonPrefix(scenarioIds);
        String platformPrefix = commonPrefix(platformIds);
        List<String> labels = new ArrayList<>(); // the chart labels of the cells: ids without the common prefixes
        for (RunResult r : runs) {
            String cell = cell(r);
            if (!cells.contains(cell)) {
                cells.add(cell);
                labels.add(r.config().scenario().substring(scenarioPrefix.length()) + " / "
                        + r.config().platform().substring(platformPrefix.length()));
            }
            if (!schedulers.contains(r.config().scheduler())) {
                schedulers.add(r.config().scheduler());
            }
            byKey.computeIfAbsent(cell + "|" + r.config().scheduler(), k -> new ArrayList<>()).add(r);
            if (r.config().scheduler().equals(baseline)) {
                baseRuns.putIfAbsent(cell + "|" + r.config().seed(), r);
            }
        }
        boolean ux = false;
        for (RunResult r : runs) {
            ux |= Double.isFinite(r.metric(RunPage.UXCOST));
        }
        boolean several = seeds.size() > 1;
        HtmlPage page = new HtmlPage("RTMM Lab comparison", runs.size() + " runs: " + schedulers.size()
                + " schedulers x " + cells.size() + " scenario/platform cells; baseline " + baseline
                + (several ? "; " + seeds.size() + " seeds " + seedList(seeds) : "; seed " + seeds.get(0)));
        failed(page, failures);
        if (several) {
            page.p("Each bar and table cell is the mean over the seeds; whiskers and \u00b1 give the 95% confidence "
                    + "interval of the mean (Student t with n-1 degrees of freedom). Changes versus " + baseline
                    + " are computed per seed against the " + baseline + " run of the same seed, then averaged.");
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("score", "XRBench score", "score (0-100)", false));
        if (ux) {
            figures.add(new Figure("uxcost", "UXCost", "UXCost", true));
        }
        figures.add(new Figure("energy", "Energy", "energy (mJ)", true));
        for (Figure fig : figures) {
            double[][] v = new double[schedulers.size()][cells.size()];
            double[][] h = new double[schedulers.size()][cells.size()];
            String[][] notes = new String[schedulers.size()][cells.size()];
            for (int s = 0; s < schedulers.size(); s++) {
                for (int c = 0; c < cells.size(); c++) {
                    List<RunResult> rs = byKey.getOrDefault(cells.get(c) + "|" + schedulers.get(s), List.of());
                    MeanInterval m = MeanInterval.of(values(rs, fig.id()));
                    v[s][c] = m.mean();
                    h[s][c] = m.halfWidth();
                    if (!rs.isEmpty() && !schedulers.get(s).equals(baseline)) {
                        MeanInterval ch = MeanInterval.of(changes(rs, baseRuns, fig.id()));
                        notes[s][c] = ch.n() == 0 ? null : Numbers.signedPercent(ch.mean());
                    }
                }
            }
            page.h2(fig.title() + (fig.lowerIsBetter() ? " (lower is better)" : " (higher is better)"));
            page.figure(fig.id(), BarChart.grouped(fig.title() + " per scheduler", fig.unit(), labels, schedulers, v,
                    several ? h : null, notes), fig.title() + " of each scheduler per scenario / platform"
                    + (several ? " (mean over " + seeds.size() + " seeds, whiskers: 95% interval)" : "")
                    + "; labels: change versus " + baseline + "." + prefixNote(scenarioPrefix, platformPrefix));
        }
        page.h2(several ? "All cells (mean \u00b1 95% interval over the seeds)" : "All runs");
        page.table(header(baseline, ux), rows(byKey, baseRuns, baseline, ux), 3);
        page.h2("Geometric means per scheduler");
        page.table(List.of("scheduler", "runs", "geomean score", "geomean energy mJ"), geomeans(runs, schedulers), 1);
        return page.finish();
    }

    private static String seedList(List<Long> seeds) {
        StringBuilder sb = new StringBuilder();
        for (long s : seeds) {
            sb.append(sb.length() == 0 ? "" : ",").append(s);
        }
        return sb.toString();
    }

    /** @return the figure of each run */
    private static List<Double> values(List<RunResult> rs, String id) {
        List<Double> out = new ArrayList<>();
        for (RunResult r : rs) {
            out.add(value(r, id));
        }
        return out;
    }

    /** @return the change of each run versus the baseline run of its seed (NaN where there is none) */
    private static List<Double> changes(List<RunResult> rs, Map<String, RunResult> baseRuns, String id) {
        List<Double> out = new ArrayList<>();
        for (RunResult r : rs) {
            RunResult b = baseRuns.get(cell(r) + "|" + r.config().seed());
            out.add(b == null ? Double.NaN : Numbers.change(value(r, id), value(b, id), resolution(id)));
        }
        return out;
    }

    /**
     * @return the longest prefix ending in {@code /} that every id has and that leaves something of each id; ""
     *         when there is none (ids without a {@code /}, or different first parts)
     */
    static String commonPrefix(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        String p = ids.get(0);
        for (String id : ids) {
            int n = 0;
            while (n < p.length() && n < id.length() && p.charAt(n) == id.charAt(n)) {
                n++;
            }
            p = p.substring(0, n);
        }
        p = p.substring(0, p.lastIndexOf('/') + 1);
        for (String id : ids) {
            if (id.length() == p.length()) {
                return "";
            }
        }
        return p;
    }

    /** @return the caption sentence naming the prefixes left out of the chart labels, "" if none */
    static String prefixNote(String scenarioPrefix, String platformPrefix) {
        List<String> parts = new ArrayList<>();
        if (!scenarioPrefix.isEmpty()) {
            parts.add("'" + scenarioPrefix + "' of every scenario id");
        }
        if (!platformPrefix.isEmpty()) {
            parts.add("'" + platformPrefix + "' of every platform id");
        }
        return parts.isEmpty() ? "" : " Group labels leave out the prefix " + String.join(" and ", parts) + ".";
    }

    private static String cell(RunResult r) {
        return r.config().scenario() + " / " + r.config().platform();
    }

    private static double value(RunResult r, String id) {
        return switch (id) {
            case "score" -> r.metric("xrbench.score");
            case "uxcost" -> r.metric(RunPage.UXCOST);
            case "energy" -> r.energyMj();
            default -> throw new IllegalArgumentException(id);
        };
    }

    /** @return the smallest baseline a change of the figure is shown against: half its last shown digit */
    private static double resolution(String id) {
        return Numbers.resolution(switch (id) {
            case "score" -> 3;
            case "uxcost" -> 6;
            case "energy" -> 1;
            default -> throw new IllegalArgumentException(id);
        });
    }

    private static List<String> header(String baseline, boolean ux) {
        List<String> h = new ArrayList<>(List.of("scenario", "platform", "scheduler", "score", "vs " + baseline));
        if (ux) {
            h.addAll(List.of("UXCost", "vs " + baseline));
        }
        h.addAll(List.of("miss", "energy mJ", "vs " + baseline));
        return h;
    }

    private static List<List<String>> rows(Map<String, List<RunResult>> byKey, Map<String, RunResult> baseRuns,
                                           String baseline, boolean ux) {
        List<List<String>> rows = new ArrayList<>();
        for (List<RunResult> rs : byKey.values()) {
            RunResult r = rs.get(0);
            boolean hasBase = rs.stream().anyMatch(x -> baseRuns.containsKey(cell(x) + "|" + x.config().seed()));
            List<String> row = new ArrayList<>(List.of(r.config().scenario(), r.config().platform(),
                    r.config().scheduler(), fixed(MeanInterval.of(values(rs, "score")), 3),
                    hasBase ? signedPercent(MeanInterval.of(changes(rs, baseRuns, "score"))) : "-"));
            if (ux) {
                row.add(fixed(MeanInterval.of(values(rs, "uxcost")), 6));
                row.add(hasBase ? signedPercent(MeanInterval.of(changes(rs, baseRuns, "uxcost"))) : "-");
            }
            List<Double> miss = new ArrayList<>();
            rs.forEach(x -> miss.add(x.frames().missRate()));
            MeanInterval m = MeanInterval.of(miss);
            row.add(Numbers.percent(m.mean()) + (Double.isFinite(m.halfWidth()) ? " \u00b1 "
                    + Numbers.percent(m.halfWidth()) : ""));
            row.add(fixed(MeanInterval.of(values(rs, "energy")), 1));
            row.add(hasBase ? signedPercent(MeanInterval.of(changes(rs, baseRuns, "energy"))) : "-");
            rows.add(row);
        }
        return rows;
    }

    /** @return "mean" or "mean &plusmn; half-width" */
    private static String fixed(MeanInterval m, int decimals) {
        return Numbers.fixed(m.mean(), decimals) + (Double.isFinite(m.halfWidth()) ? " \u00b1 "
                + Numbers.fixed(m.halfWidth(), decimals) : "");
    }

    /** @return a signed percentage, with its interval in percentage points when there is one */
    private static String signedPercent(MeanInterval m) {
        return Numbers.signedPercent(m.mean()) + (Double.isFinite(m.mean()) && Double.isFinite(m.halfWidth())
                ? " \u00b1 " + Numbers.percent(m.halfWidth()) : "");
    }

    private static List<List<String>> geomeans(List<RunResult> runs, List<String> schedulers) {
        List<List<String>> rows = new ArrayList<>();
        for (String s : schedulers) {
            List<Double> scores = new ArrayList<>();
            List<Double> energies = new ArrayList<>();
            for (RunResult r : runs) {
                if (r.config().scheduler().equals(s)) {
                    scores.add(r.metric("xrbench.score"));
                    energies.add(r.energyMj());
                }
            }
            rows.add(List.of(s, Integer.toString(scores.size()), Numbers.fixed(GeometricMean.of(scores), 3),
                    Numbers.fixed(GeometricMean.of(energies), 1)));
        }
        return rows;
    }

    /** Adds the table of the failed runs (nothing when there are none): they are in no chart and no mean. */
    private static void failed(HtmlPage page, List<org.rtmmlab.api.run.RunFailure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        page.h2("Failed runs (" + failures.size() + ")");
        page.p("These runs failed and are left out of every chart, table and mean below.");
        List<List<String>> rows = new ArrayList<>();
        for (org.rtmmlab.api.run.RunFailure f : failures) {
            rows.add(List.of(f.config().scheduler(), f.config().scenario(), f.config().platform(),
                    Long.toString(f.config().seed()), f.reason()));
        }
        page.table(List.of("scheduler", "scenario", "platform", "seed", "reason"), rows, 5);
    }
}
