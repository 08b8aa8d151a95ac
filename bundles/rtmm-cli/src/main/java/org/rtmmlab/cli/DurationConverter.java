package org.rtmmlab.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine.ITypeConverter;

/** Parses simulated durations such as {@code 700ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 250us} into ns. */
public class DurationConverter implements ITypeConverter<Long> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** @return the duration in nanoseconds, &gt; 0 */
    public static long parse(String value) {
        Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("--duration", "", "'" + value
                    + "' is not a duration; use a number with a unit: ns, us, ms, s, m or h (e.g. 700ms, 10s)");
        }
        long unit = switch (m.group(2)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        BigDecimal ns = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (ns.signum() <= 0 || ns.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidInputException("--duration", "", "must be > 0 and below 292 years, got " + value);
        }
        return ns.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
