package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.run.TaskResult;

/**
 * The per-run {@code report.html}: summary, per-model table, latency CDF per model, deadline-miss and drop rates,
 * energy per accelerator, utilisation over time and a schedule excerpt. Every chart is an {@code <svg>} inside a
 * {@code <figure>} whose id is one of {@link #CHARTS}.
 */
final class RunPage {

    /** Figure ids of the charts, in page order. */
    static final List<String> CHARTS = List.of("latency-cdf", "miss-drop", "energy", "utilisation", "schedule");

    /** Run metric holding UXCost when a reporter or the engine computes it. */
    static final String UXCOST = "uxcost";

    private RunPage() {
    }

    static String render(RunDigest d, RunResult r) {
        return render(d, r, List.of());
    }

    /**
     * @param swaps the run's scheduler swaps: a marker labelled with the new scheduler on every time chart, and a
     *              table of them
     */
    static String render(RunDigest d, RunResult r, List<SchedulerSwap> swaps) {
        RunConfig c = r.config();
        HtmlPage page = new HtmlPage("RTMM Lab run: " + c.scenario() + " on " + c.platform() + " with " + c.scheduler(),
                "seed " + c.seed() + (c.xrbenchCompat() ? ", XRBench compatibility mode" : "") + ", "
                        + Numbers.fixed(r.simulatedNs() / 1e6, 1) + " ms simulated, RTMM Lab " + r.labVersion());
        page.h2("Summary");
        page.table(List.of("figure", "value"), summaryRows(r), 1);
        if (!swaps.isEmpty()) {
            page.h2("Scheduler swaps");
            page.table(List.of("time ms", "from", "from bundle", "from version", "to", "to bundle", "to version",
                    "properties"),
                    swapRows(swaps), 8);
        }
        page.h2("Per model");
        page.table(List.of("task", "model", "released", "on time", "late", "dropped", "in flight", "miss", "p50 ms",
                "p95 ms", "p99 ms", "energy mJ", "score"), taskRows(r), 2);
        page.h2("Latency");
        page.figure(CHARTS.get(0), latencyCdf(d), "Share of completed frames (y) finished within a latency (x) from "
                + "their arrival, per model; 1 % latency buckets.");
        page.h2("Deadline misses and drops");
        page.figure(CHARTS.get(1), missDrop(r), "Late completions and drops per model, as a share of the frames "
                + "that ended (released minus in flight).");
        page.h2("Energy");
        page.figure(CHARTS.get(2), energy(d, r), "Energy per accelerator: dynamic energy of the executed blocks "
                + "(including switch costs) and idle power times idle time.");
        page.h2("Utilisation");
        page.figure(CHARTS.get(3), utilisation(d, swaps), "Busy share of each accelerator in " + RunDigest.BINS
                + " time bins of " + Numbers.fixed(d.binNs / 1e6, 3) + " ms (1 = all its partitions busy).");
        windowCharts(page, r, swaps);
        page.h2("Schedule excerpt");
        page.figure(CHARTS.get(4), schedule(d, swaps), "Blocks that started in the first " + Numbers.fixed(
                d.ganttWindowNs / 1e6, 1) + " ms, one row per accelerator lane, coloured by model"
                + (d.ganttTruncated ? "; only the first " + RunDigest.GANTT_MAX_BLOCKS + " blocks are drawn." : "."));
        return page.finish();
    }

    private static List<List<String>> summaryRows(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        FrameCounts f = r.frames();
        rows.add(List.of("XRBench score", Numbers.fixed(r.metric("xrbench.score"), 3)));
        if (r.metrics().containsKey(UXCOST)) {
            rows.add(List.of("UXCost", Numbers.fixed(r.metric(UXCOST), 6)));
        }
        rows.add(List.of("energy, mJ", Numbers.fixed(r.energyMj(), 3)));
        rows.add(List.of("frames released", Long.toString(f.released())));
        rows.add(List.of("on time / late / dropped / in flight", f.onTime() + " / " + f.late() + " / " + f.dropped()
                + " / " + f.inFlight()));
        rows.add(List.of("miss rate (late + dropped of ended)", Numbers.percent(f.missRate())));
        int windowFigures = 0;
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            if (SchedulerWindows.matches(e.getKey())) {
                windowFigures++; // charted under "Scheduler figures per window"
            } else if (!e.getKey().equals("xrbench.score") && !e.getKey().equals(UXCOST)) {
                rows.add(List.of(e.getKey(), Numbers.figure(e.getValue())));
            }
        }
        if (windowFigures > 0) {
            rows.add(List.of("scheduler per-window figures", windowFigures + " (charted below; all in summary.json)"));
        }
        r.config().properties().forEach((k, v) -> rows.add(List.of("property " + k, v)));
        return rows;
    }

    private static List<List<String>> taskRows(RunResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (TaskResult t : r.perTask()) {
            FrameCounts f = t.frames();
            rows.add(List.of(t.task(), t.model(), Long.toString(f.released()), Long.toString(f.onTime()),
                    Long.toString(f.late()), Long.toString(f.dropped()), Long.toString(f.inFlight()),
                    Numbers.percent(f.missRate()), Numbers.fixed(metric(t, "latency.p50.ms"), 3),
                    Numbers.fixed(metric(t, "latency.p95.ms"), 3), Numbers.fixed(metric(t, "latency.p99.ms"), 3),
                    Numbers.fixed(t.energyMj(), 3), Numbers.fixed(metric(t, "xrbench.score"), 4)));
        }
        return rows;
    }

    private static double metric(TaskResult t, String name) {
        Double v = t.metrics().get(name);
        return v == null ? Double.NaN : v;
    }

    private static String latencyCdf(RunDigest d) {
        List<LineChart.Series> series = new ArrayList<>();
        for (int t = 0; t < d.taskIds.size(); t++) {
            if (d.latency[t].count() > 0) {
                double[][] cdf = d.latency[t].cdfMs();
                series.add(new LineChart.Series(d.taskIds.get(t) + " (" + d.latency[t].count() + ")", cdf[0], cdf[1]));
            }
        }
        return LineChart.render("Latency CDF per model", "latency (ms)", "share of completed frames", series, 0, 1);
    }

    private static String missDrop(RunResult r) {
        List<String> cats = new ArrayList<>();
        double[][] v = new double[2][r.perTask().size()];
        for (int i = 0; i < r.perTask().size(); i++) {
            TaskResult t = r.perTask().get(i);
            cats.add(t.task());
            FrameCounts f = t.frames();
            long ended = f.released() - f.inFlight();
            v[0][i] = ended == 0 ? 0 : (double) f.late() / ended;
            v[1][i] = ended == 0 ? 0 : (double) f.dropped() / ended;
        }
        if (cats.isEmpty()) {
            cats.add("(no tasks)");
            v = new double[][] {{0}, {0}};
        }
        return BarChart.grouped("Deadline-miss and drop rate per model", "share of ended frames", cats,
                List.of("late", "dropped"), v, null);
    }

    private static String energy(RunDigest d, RunResult r) {
        List<Accelerator> accs = d.info.platform().accelerators();
        List<String> cats = new ArrayList<>();
        double[][] v = new double[2][accs.size()];
        for (int a = 0; a < accs.size(); a++) {
            Accelerator acc = accs.get(a);
            cats.add(acc.id());
            v[0][a] = d.dynamicPj[a] * 1e-9;
            double util = r.metric("utilisation." + acc.id());
            if (!Double.isFinite(util)) {
                double busy = 0;
                for (double b : d.busyShareNs[a]) {
                    busy += b;
                }
                util = Math.min(1, busy / acc.partitions() / Math.max(1, r.simulatedNs()));
            }
            v[1][a] = acc.idlePowerW() * (1 - util) * r.simulatedNs() * 1e-6; // W x ns = 1e-6 mJ
        }
        return BarChart.stacked("Energy per accelerator", "energy (mJ)", cats, List.of("dynamic + switch", "idle"), v);
    }

    /**
     * Charts of the per-window figures schedulers reported ({@link SchedulerWindows}): per scheduler prefix one chart
     * of its parameters and one of its UXCost figures, over the window index; nothing when there are none.
     */
    private static void windowCharts(HtmlPage page, RunResult r, List<SchedulerSwap> swaps) {
        var bySchedulers = SchedulerWindows.of(r.metrics());
        if (bySchedulers.isEmpty()) {
            return;
        }
        double windowMs = r.metric("window.ms");
        List<Marker> markers = windowMs > 0 ? Marker.ofSwaps(swaps, windowMs * 1e6, 0) : List.of();
        String span = windowMs > 0 ? " of " + Numbers.fixed(windowMs, 1) + " ms" : "";
        page.h2("Scheduler figures per window");
        for (var e : bySchedulers.entrySet()) {
            String s = e.getKey();
            for (boolean ux : new boolean[] {false, true}) {
                List<LineChart.Series> series = SchedulerWindows.series(e.getValue(), ux);
                if (series.isEmpty()) {
                    continue;
                }
                String title = s + (ux ? ": UXCost per window" : ": parameters per window");
                page.figure(SchedulerWindows.figureId(s, ux), LineChart.render(title, "window", ux ? "UXCost"
                        : "value", series, Double.NaN, Double.NaN, markers), (ux ? "UXCost figures" : "Parameters")
                        + " that scheduler " + s + " reported per window" + span + " (run metrics window.<i>." + s
                        + ".*); window i is the point at x = i" + (markers.isEmpty() ? "." : "; red lines: "
                        + "scheduler swaps."));
            }
        }
    }

    private static List<List<String>> swapRows(List<SchedulerSwap> swaps) {
        List<List<String>> rows = new ArrayList<>();
        for (SchedulerSwap s : swaps) {
            StringBuilder p = new StringBuilder();
            s.properties().forEach((k, v) -> p.append(p.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            rows.add(List.of(Numbers.fixed(s.timeNs() / 1e6, 3), s.fromScheduler(), s.fromBundle(), s.fromVersion(),
                    s.toScheduler(), s.toBundle(), s.toVersion(), p.toString()));
        }
        return rows;
    }

    private static String utilisation(RunDigest d, List<SchedulerSwap> swaps) {
        List<Accelerator> accs = d.info.platform().accelerators();
        boolean seconds = d.horizonNs >= 10_000_000_000L;
        double unit = seconds ? 1e9 : 1e6;
        List<LineChart.Series> series = new ArrayList<>();
        for (int a = 0; a < accs.size(); a++) {
            double[] xs = new double[RunDigest.BINS * 2];
            double[] ys = new double[RunDigest.BINS * 2];
            for (int b = 0; b < RunDigest.BINS; b++) {
                double u = d.busyShareNs[a][b] / d.binNs / accs.get(a).partitions();
                xs[2 * b] = b * d.binNs / unit;
                xs[2 * b + 1] = (b + 1) * d.binNs / unit;
                ys[2 * b] = u;
                ys[2 * b + 1] = u;
            }
            series.add(new LineChart.Series(accs.get(a).id(), xs, ys));
        }
        return LineChart.render("Utilisation over time", seconds ? "time (s)" : "time (ms)", "busy share", series, 0,
                1, Marker.ofSwaps(swaps, unit, 0));
    }

    private static String schedule(RunDigest d, List<SchedulerSwap> swaps) {
        List<Accelerator> accs = d.info.platform().accelerators();
        List<String> rows = new ArrayList<>();
        int[] firstRow = new int[accs.size()];
        for (int a = 0; a < accs.size(); a++) {
            firstRow[a] = rows.size();
            int lanes = Math.max(1, d.ganttLanesUsed[a]);
            for (int l = 0; l < lanes; l++) {
                rows.add(l == 0 ? accs.get(a).id() : accs.get(a).id() + " #" + (l + 1));
            }
        }
        List<GanttChart.Bar> bars = new ArrayList<>();
        for (RunDigest.GanttBlock b : d.gantt) {
            bars.add(new GanttChart.Bar(firstRow[b.accelerator()] + b.lane(), b.startNs(), b.endNs(),
                    Math.max(0, b.task()), b.tooltip()));
        }
        return GanttChart.render("Schedule, first " + Numbers.fixed(d.ganttWindowNs / 1e6, 0) + " ms", rows, bars,
                d.ganttWindowNs, d.taskModels, Marker.ofSwaps(swaps, 1e6, 0));
    }
}
