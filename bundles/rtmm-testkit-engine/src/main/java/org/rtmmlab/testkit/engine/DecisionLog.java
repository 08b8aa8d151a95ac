package org.rtmmlab.testkit.engine;

import java.util.Arrays;

/**
 * The decision points of a recorded run, one line each, kept as one character sequence and the line ends (a run has
 * up to some 10^5 points: a few MB, no object per line).
 */
final class DecisionLog {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int[] ends = new int[1 << 10];
    private int size;

    /** Appends the next decision point's line. */
    void add(CharSequence line) {
        text.append(line);
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        ends[size++] = text.length();
    }

    /** @return the number of decision points */
    int size() {
        return size;
    }

    /** @return whether decision point {@code i} (below {@link #size()}) reads {@code line} */
    boolean matches(int i, CharSequence line) {
        int from = i == 0 ? 0 : ends[i - 1];
        if (ends[i] - from != line.length()) {
            return false;
        }
        for (int k = 0; k < line.length(); k++) {
            if (text.charAt(from + k) != line.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** @return decision point {@code i}'s line */
    String line(int i) {
        return text.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
    }
}
