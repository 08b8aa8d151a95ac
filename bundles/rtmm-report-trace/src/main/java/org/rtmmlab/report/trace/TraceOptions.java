package org.rtmmlab.report.trace;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.json.Durations;

/**
 * The trace reporter's run properties, read from {@link org.rtmmlab.api.run.RunConfig#properties()} under the
 * reporter prefix {@value #PREFIX} (reporters read their keys from the run's properties; the engine lets every
 * {@code report.} key through to them):
 * <ul>
 * <li>{@value #FORMAT} = {@code perfetto} (default: {@value #PERFETTO_FILE}, Perfetto's protobuf trace) |
 *     {@code json} ({@value #JSON_FILE}, Chrome Trace Event JSON) | {@code both};</li>
 * <li>{@value #WINDOW} = {@code FROM..TO}: only what happens in simulated time [FROM, TO) is written (slices that
 *     cross an edge are cut at it); FROM and TO in the lab's duration grammar ({@link Durations}, e.g.
 *     {@code 10s..20s}, {@code 0..500ms}); either side may be left out ({@code ..10s}, {@code 3590s..});</li>
 * <li>{@value #MAX_BYTES} = a size cap in bytes (at least {@value #MIN_BYTES}; suffixes {@code k}, {@code M},
 *     {@code G} = 1024, 1024^2, 1024^3): once the file would pass it, open slices are closed, a {@code trace
 *     truncated} marker is written and the rest of the run is left out. Default: no cap.</li>
 * </ul>
 *
 * @param perfetto   write {@value #PERFETTO_FILE}
 * @param json       write {@value #JSON_FILE}
 * @param fromNs     start of the window, inclusive (0 = the run's start)
 * @param toNs       end of the window, exclusive ({@link Long#MAX_VALUE} = the run's end)
 * @param maxBytes   size cap of each file, bytes ({@link Long#MAX_VALUE} = none)
 */
record TraceOptions(boolean perfetto, boolean json, long fromNs, long toNs, long maxBytes) {

    /** Prefix of the trace reporter's run properties. */
    static final String PREFIX = "report.trace.";
    /** Run property: output format. */
    static final String FORMAT = PREFIX + "format";
    /** Run property: time window. */
    static final String WINDOW = PREFIX + "window";
    /** Run property: size cap. */
    static final String MAX_BYTES = PREFIX + "maxBytes";
    /** Perfetto file name. */
    static final String PERFETTO_FILE = "trace.perfetto-trace";
    /** JSON file name. */
    static final String JSON_FILE = "trace.json";
    /** Smallest size cap: room for the track descriptors and the closing packets. */
    static final long MIN_BYTES = 4096;

    /** Everything, Perfetto format, no cap. */
    static final TraceOptions DEFAULTS = new TraceOptions(true, false, 0, Long.MAX_VALUE, Long.MAX_VALUE);

    private static final String SOURCE = "run properties";
    private static final Pattern ZERO = Pattern.compile("0*\\.?0*\\s*(ns|us|ms|s|min|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([kmg]?)i?b?");

    /**
     * @param properties the run's properties (keys of other prefixes are ignored)
     * @return the options
     * @throws InvalidInputException naming the key and what is wrong, for an unknown {@value #PREFIX} key or a bad
     *                               value
     */
    static TraceOptions parse(Map<String, String> properties) {
        boolean perfetto = true;
        boolean json = false;
        long from = 0;
        long to = Long.MAX_VALUE;
        long max = Long.MAX_VALUE;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String v = e.getValue() == null ? "" : e.getValue().strip();
            switch (key) {
                case FORMAT -> {
                    switch (v.toLowerCase(Locale.ROOT)) {
                        case "perfetto" -> { perfetto = true; json = false; }
                        case "json" -> { perfetto = false; json = true; }
                        case "both" -> { perfetto = true; json = true; }
                        default -> throw new InvalidInputException(SOURCE, key,
                                "must be one of perfetto|json|both, got '" + v + "'");
                    }
                }
                case WINDOW -> {
                    int dots = v.indexOf("..");
                    if (dots < 0 || v.indexOf("..", dots + 2) >= 0) {
                        throw new InvalidInputException(SOURCE, key, "not a window FROM..TO: '" + v
                                + "'; write e.g. 10s..20s, ..500ms or 3590s..");
                    }
                    if (v.strip().equals("..")) {
                        throw new InvalidInputException(SOURCE, key, "window '..' names neither FROM nor TO; write "
                                + "e.g. 10s..20s, ..500ms or 3590s..");
                    }
                    from = bound(key, v.substring(0, dots).strip(), 0);
                    to = bound(key, v.substring(dots + 2).strip(), Long.MAX_VALUE);
                    if (to <= from) {
                        throw new InvalidInputException(SOURCE, key, "window '" + v + "' is empty: TO must be after FROM");
                    }
                }
                case MAX_BYTES -> max = size(key, v);
                default -> throw new InvalidInputException(SOURCE, key, "unknown property of reporter 'trace'; known: "
                        + String.join(", ", FORMAT, WINDOW, MAX_BYTES));
            }
        }
        return new TraceOptions(perfetto, json, from, to, max);
    }

    /** @return a window bound in ns: {@code empty} when blank, 0 for a zero duration, else {@link Durations} */
    private static long bound(String key, String text, long empty) {
        if (text.isEmpty()) {
            return empty;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (ZERO.matcher(lower).matches() && lower.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        try {
            return Durations.parseNs(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(SOURCE, key, e.getMessage());
        }
    }

    private static long size(String key, String text) {
        var m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException(SOURCE, key, "not a size in bytes: '" + text + "'; write e.g. 50000000, "
                    + "64M or 2G");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long n = Long.parseLong(m.group(1));
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new InvalidInputException(SOURCE, key, "size '" + text + "' is too large");
        }
        long bytes = n << shift;
        if (bytes < MIN_BYTES) {
            throw new InvalidInputException(SOURCE, key, "must be at least " + MIN_BYTES + " bytes, got '" + text + "'");
        }
        return bytes;
    }

    /** @return whether instant-like time {@code tsNs} lies in the window */
    boolean contains(long tsNs) {
        return tsNs >= fromNs && tsNs < toNs;
    }

    /** @return whether the slice [startNs, endNs] shows in the window (a zero-length slice: its time does) */
    boolean overlaps(long startNs, long endNs) {
        return endNs > startNs ? endNs > fromNs && startNs < toNs : contains(startNs);
    }

    /** @return whether a window is set */
    boolean windowed() {
        return fromNs > 0 || toNs != Long.MAX_VALUE;
    }
}
