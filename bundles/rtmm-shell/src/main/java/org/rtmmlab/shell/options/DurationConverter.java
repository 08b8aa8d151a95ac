package org.rtmmlab.shell.options;

import org.rtmmlab.json.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses simulated durations such as {@code 700ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 250us} into ns, in
 * the lab's one duration grammar ({@link Durations}, also that of {@code engine.window} and the web API). A bad value
 * throws picocli's {@link TypeConversionException}, which picocli reports as
 * {@code Invalid value for option '--duration': <reason>}.
 */
public class DurationConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /**
     * @return the duration in whole nanoseconds (rounded half up), &gt; 0
     * @throws TypeConversionException if it is not a duration with a unit, or rounds to 0 ns, or exceeds ~292 years
     */
    public static long parse(String value) {
        try {
            return Durations.parseNs(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
