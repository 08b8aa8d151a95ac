package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-window figures a scheduler reported into the run metrics, named {@code window.<i>.<scheduler>.<param>} (e.g.
 * {@code window.03.dream.alpha}, {@code window.03.dream.uxcost}; the engine's own per-window figures are per task
 * and its run-level {@code window.ms} has no index, so neither matches). Grouped by scheduler prefix, then by
 * parameter, each a series over the window index.
 */
final class SchedulerWindows {

    /** {@code window.<index>.<scheduler>.<param>}: the scheduler part has no dot, the parameter may have some. */
    private static final Pattern NAME = Pattern.compile("window\\.(\\d{1,9})\\.([^.]+)\\.(.+)");

    /** Parameters drawn on the UXCost chart rather than the parameter chart: UXCost and its parts. */
    static final String UXCOST = "uxcost";

    private SchedulerWindows() {
    }

    /**
     * @param metrics the run's metrics
     * @return scheduler prefix -> parameter -> window index -> value, prefixes and parameters sorted by name
     */
    static Map<String, Map<String, TreeMap<Integer, Double>>> of(Map<String, Double> metrics) {
        Map<String, Map<String, TreeMap<Integer, Double>>> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            Matcher m = NAME.matcher(e.getKey());
            if (!m.matches() || e.getValue() == null || !Double.isFinite(e.getValue())) {
                continue;
            }
            out.computeIfAbsent(m.group(2), k -> new TreeMap<>())
                    .computeIfAbsent(m.group(3), k -> new TreeMap<>())
                    .put(Integer.parseInt(m.group(1)), e.getValue());
        }
        return out;
    }

    /** @return whether {@code metric} is a scheduler's per-window figure */
    static boolean matches(String metric) {
        return NAME.matcher(metric).matches();
    }

    /** @return whether parameter {@code param} belongs on the UXCost chart */
    static boolean isUxCost(String param) {
        return param.equals(UXCOST) || param.startsWith(UXCOST + ".");
    }

    /** @return line-chart series of the parameters {@code uxcost} selects (true: the UXCost ones) */
    static List<LineChart.Series> series(Map<String, TreeMap<Integer, Double>> params, boolean uxcost) {
        List<LineChart.Series> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> p : new LinkedHashMap<>(params).entrySet()) {
            if (isUxCost(p.getKey()) != uxcost) {
                continue;
            }
            double[] xs = new double[p.getValue().size()];
            double[] ys = new double[xs.length];
            int i = 0;
            for (Map.Entry<Integer, Double> w : p.getValue().entrySet()) {
                xs[i] = w.getKey();
                ys[i++] = w.getValue();
            }
            out.add(new LineChart.Series(p.getKey(), xs, ys));
        }
        return out;
    }

    /** @return a figure id for a scheduler prefix: letters, digits, '-' and '_' kept, others '_' */
    static String figureId(String scheduler, boolean uxcost) {
        return "windows-" + scheduler.replaceAll("[^A-Za-z0-9_-]", "_") + (uxcost ? "-uxcost" : "");
    }
}
