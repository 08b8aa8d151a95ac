package org.rtmmlab.shell.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses simulated durations such as {@code 700ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 250us} into ns.
 * A bad value throws picocli's {@link TypeConversionException}, which picocli reports as
 * {@code Invalid value for option '--duration': <reason>}.
 */
public class DurationConverter implements ITypeConverter<Long> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /**
     * @return the duration in whole nanoseconds (rounded half up), &gt; 0
     * @throws TypeConversionException if it is not a duration with a unit, or rounds to 0 ns, or exceeds ~292 years
     */
    public static long parse(String value) {
        Matcher m = FORMAT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value
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
        // checked after rounding: 0.1ns would otherwise pass "> 0" and become 0, which means "scenario default"
        BigDecimal ns = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP);
        if (ns.signum() <= 0) {
            throw new TypeConversionException("must be at least 1ns once rounded to whole nanoseconds, got " + value);
        }
        if (ns.compareTo(MAX) > 0) {
            throw new TypeConversionException("must be below 292 years, got " + value);
        }
        return ns.longValueExact();
    }
}
