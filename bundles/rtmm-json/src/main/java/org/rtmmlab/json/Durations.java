package org.rtmmlab.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of simulated durations written as text, shared by the command line's and the shell's
 * {@code --duration}, the engine's {@code engine.window} property and the web API's request bodies: a non-negative
 * decimal number (a fraction and an exponent allowed: {@code 2.5s}, {@code .5ms}, {@code 1e3us}), optional spaces and
 * a unit {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m} or {@code min}, {@code h} or {@code d} (case
 * ignored). The value is converted
 * exactly and rounded half up to whole nanoseconds; it must be at least 1 ns after rounding (0 means "the scenario's
 * own" to the callers) and fit the {@code long} nanosecond clock (about 292 years). Every caller reports a bad value
 * with this class's message, prefixed with where it came from.
 */
public final class Durations {

    /** The examples every error message ends with. */
    public static final String EXAMPLES = "write e.g. 500ms, 1s, 2.5s, 100us, 250000ns";

    private static final Pattern FORMAT =
            Pattern.compile("(\\d*\\.?\\d+(?:e[-+]?\\d+)?)\\s*(ns|us|ms|s|min|m|h|d)");
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * @return {@code text} in whole nanoseconds, &ge; 1
     * @throws IllegalArgumentException with the message {@link #message} when it is not such a duration
     */
    public static long parseNs(String text) {
        return parseNs(text, null);
    }

    /**
     * @param orAlso another value the caller accepts, named at the end of the message (e.g. {@code off}); null if none
     * @return {@code text} in whole nanoseconds, &ge; 1
     * @throws IllegalArgumentException with the message {@link #message} when it is not such a duration or rounds to
     *                                  0 ns, {@code not a duration below 292 years: ...} when it is too long
     */
    public static long parseNs(String text, String orAlso) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m", "min" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            // exact: 0.1ns must fail here rather than become 0, which the callers read as "the default"
            BigDecimal ns = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
                    .setScale(0, RoundingMode.HALF_UP);
            if (ns.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("not a duration below 292 years: '" + text + "'; " + EXAMPLES
                        + (orAlso == null ? "" : ", or " + orAlso));
            }
            if (ns.signum() > 0) {
                return ns.longValueExact();
            }
        }
        throw new IllegalArgumentException(message(text, orAlso));
    }

    /**
     * @return {@code not a positive duration: '<text>'; write e.g. 500ms, 1s, 2.5s, 100us, 250000ns[, or <orAlso>]},
     *         the message of a value that is no duration or rounds to 0 ns
     */
    public static String message(String text, String orAlso) {
        return "not a positive duration: '" + text + "'; " + EXAMPLES + (orAlso == null ? "" : ", or " + orAlso);
    }
}
