package org.rtmmlab.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table: the first {@code textColumns} columns left-aligned, the others right-aligned. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int textColumns;

    TextTable(int textColumns, String... header) {
        this.textColumns = textColumns;
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    List<String> lines() {
        int cols = 0;
        for (String[] r : rows) {
            cols = Math.max(cols, r.length);
        }
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                String pad = " ".repeat(w[i] - r[i].length());
                sb.append(i < textColumns ? r[i] + pad : pad + r[i]);
            }
            out.add(sb.toString().stripTrailing());
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x;
                }
                out.add("-".repeat(total + 2 * (cols - 1)));
            }
        }
        return out;
    }
}
