package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.RunResult;

/**
 * {@code compare.html}: runs of several schedulers over scenarios x platforms. Bar charts of the XRBench score, of
 * UXCost (when the runs carry the {@code uxcost} metric) and of energy, grouped by scenario and platform with one
 * bar per scheduler and the change versus the baseline above each bar; then the full table and geometric means.
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
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        List<String> cells = new ArrayList<>();
        List<String> schedulers = new ArrayList<>();
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        List<String> scenarioIds = new ArrayList<>();
        List<String> platformIds = new ArrayList<>();
        for (RunResult r : runs) {
            scenarioIds.add(r.config().scenario());
            platformIds.add(r.config().platform());
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
            byKey.putIfAbsent(cell + "|" + r.config().scheduler(), r);
        }
        boolean ux = false;
        for (RunResult r : runs) {
            ux |= Double.isFinite(r.metric(RunPage.UXCOST));
        }
        HtmlPage page = new HtmlPage("RTMM Lab comparison", runs.size() + " runs: " + schedulers.size()
                + " schedulers x " + cells.size() + " scenario/platform cells; baseline " + baseline
                + "; seed " + runs.get(0).config().seed());
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("score", "XRBench score", "score (0-100)", false));
        if (ux) {
            figures.add(new Figure("uxcost", "UXCost", "UXCost", true));
        }
        figures.add(new Figure("energy", "Energy", "energy (mJ)", true));
        for (Figure fig : figures) {
            double[][] v = new double[schedulers.size()][cells.size()];
            String[][] notes = new String[schedulers.size()][cells.size()];
            for (int s = 0; s < schedulers.size(); s++) {
                for (int c = 0; c < cells.size(); c++) {
                    RunResult r = byKey.get(cells.get(c) + "|" + schedulers.get(s));
                    RunResult b = byKey.get(cells.get(c) + "|" + baseline);
                    v[s][c] = r == null ? Double.NaN : value(r, fig.id());
                    if (r != null && b != null && !schedulers.get(s).equals(baseline)) {
                        notes[s][c] = Numbers.signedPercent(Numbers.change(v[s][c], value(b, fig.id()),
                                resolution(fig.id())));
                    }
                }
            }
            page.h2(fig.title() + (fig.lowerIsBetter() ? " (lower is better)" : " (higher is better)"));
            page.figure(fig.id(), BarChart.grouped(fig.title() + " per scheduler", fig.unit(), labels, schedulers, v,
                    notes), fig.title() + " of each scheduler per scenario / platform; labels: change versus "
                    + baseline + "." + prefixNote(scenarioPrefix, platformPrefix));
        }
        page.h2("All runs");
        page.table(header(baseline, ux), rows(runs, byKey, baseline, ux), 3);
        page.h2("Geometric means per scheduler");
        page.table(List.of("scheduler", "runs", "geomean score", "geomean energy mJ"), geomeans(runs, schedulers), 1);
        return page.finish();
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

    private static List<List<String>> rows(List<RunResult> runs, Map<String, RunResult> byKey, String baseline,
                                           boolean ux) {
        List<List<String>> rows = new ArrayList<>();
        for (RunResult r : runs) {
            RunResult b = byKey.get(cell(r) + "|" + baseline);
            List<String> row = new ArrayList<>(List.of(r.config().scenario(), r.config().platform(),
                    r.config().scheduler(), Numbers.fixed(r.metric("xrbench.score"), 3),
                    b == null ? "-" : Numbers.signedPercent(Numbers.change(r.metric("xrbench.score"),
                            b.metric("xrbench.score"), resolution("score")))));
            if (ux) {
                row.add(Numbers.fixed(r.metric(RunPage.UXCOST), 6));
                row.add(b == null ? "-" : Numbers.signedPercent(Numbers.change(r.metric(RunPage.UXCOST),
                        b.metric(RunPage.UXCOST), resolution("uxcost"))));
            }
            row.add(Numbers.percent(r.frames().missRate()));
            row.add(Numbers.fixed(r.energyMj(), 1));
            row.add(b == null ? "-" : Numbers.signedPercent(Numbers.change(r.energyMj(), b.energyMj(),
                    resolution("energy"))));
            rows.add(row);
        }
        return rows;
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
            rows.add(List.of(s, Integer.toString(scores.size()), Numbers.fixed(geomean(scores), 3),
                    Numbers.fixed(geomean(energies), 1)));
        }
        return rows;
    }

    /** @return the geometric mean of the finite values &ge; 0 (0 if one is 0), NaN if there are none */
    static double geomean(List<Double> values) {
        double logSum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                continue;
            }
            if (v == 0) {
                return 0;
            }
            logSum += Math.log(v);
            n++;
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }
}
