package org.rtmmlab.bench;

import java.util.Map;

/** The figures as an aligned text table: one line per figure (and per scheduler / job count), with the load. */
final class FigureTable {

    private FigureTable() {
    }

    /** @return the table */
    static String render(Map<String, Object> figures, Map<String, String> loads) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-48s %16s  %s%n", "figure", "value", "load"));
        for (Map.Entry<String, Object> e : figures.entrySet()) {
            line(sb, e.getKey(), e.getValue(), loads.get(e.getKey()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, Object value, String load) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                line(sb, name + "." + e.getKey(), e.getValue(), load);
            }
        } else if (value instanceof Number n) {
            sb.append(String.format("%-48s %16s  %s%n", name, BenchMain.format(n.doubleValue()), load));
        } else { // a probe that failed says why (e.g. overloadHeapMb: out of the 64 MB)
            sb.append(String.format("%-48s %16s  %s%n", name, value, load));
        }
    }
}
