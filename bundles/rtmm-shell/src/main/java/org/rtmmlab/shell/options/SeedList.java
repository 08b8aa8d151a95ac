package org.rtmmlab.shell.options;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;

/**
 * The seeds of {@code compare --seeds}: a comma-separated list of seeds and inclusive ranges {@code A..B}, e.g.
 * {@code 1..5}, {@code 1,3,7} or {@code 1..3,9}. Seeds are non-negative decimal integers, kept in the order given;
 * an empty item, a reversed range, a seed given twice (also through overlapping ranges) or more than {@link #MAX}
 * seeds is a one-line error naming the option and the item.
 */
public final class SeedList {

    /** Most seeds one compare may run: more is almost surely a typo (1..10000 instead of 1..10). */
    public static final int MAX = 1000;

    private static final String OPTION = "--seeds";

    private SeedList() {
    }

    /**
     * @param text the option value
     * @return the seeds in the order given
     * @throws InvalidInputException on bad syntax, an empty or reversed range, a duplicate or too many seeds
     */
    public static List<Long> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(OPTION, "", "no seeds given; expected e.g. 1..5, 1,3,7 or 1..3,9");
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new InvalidInputException(OPTION, "", "empty item in '" + text + "'; expected e.g. 1..5, 1,3,7 or 1..3,9");
            }
            int dots = item.indexOf("..");
            long from;
            long to;
            if (dots < 0) {
                from = seed(item, item, text);
                to = from;
            } else {
                from = seed(item.substring(0, dots).strip(), item, text);
                to = seed(item.substring(dots + 2).strip(), item, text);
                if (to < from) {
                    throw new InvalidInputException(OPTION, "", "range '" + item + "' is reversed (" + from + " > "
                            + to + ") in '" + text + "'");
                }
            }
            if (to - from >= MAX || seeds.size() + (to - from + 1) > MAX) {
                throw new InvalidInputException(OPTION, "", "more than " + MAX + " seeds in '" + text + "'");
            }
            for (long s = from; s <= to; s++) {
                if (!seeds.add(s)) {
                    throw new InvalidInputException(OPTION, "", "seed " + s + " is given more than once in '" + text
                            + "'" + (from != to ? " (range '" + item + "')" : ""));
                }
            }
        }
        return new ArrayList<>(seeds);
    }

    private static long seed(String s, String item, String text) {
        if (s.isEmpty()) {
            throw new InvalidInputException(OPTION, "", "range '" + item + "' lacks a bound in '" + text
                    + "'; expected A..B, e.g. 1..5");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new InvalidInputException(OPTION, "", "'" + item + "' in '" + text
                        + "' is no seed or range; seeds are non-negative integers, e.g. 1..5, 1,3,7 or 1..3,9");
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(OPTION, "", "seed '" + s + "' in '" + text + "' is too large");
        }
    }
}
