package org.rtmmlab.shell.options;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --pace}: how many simulated seconds pass per wall-clock second, written {@code 1x} (real time),
 * {@code 10x}, {@code 0.5x}, or {@code max} (as fast as possible). The value is what
 * {@code EvaluationRequest.pace} takes: the multiple, 0 for {@code max}.
 */
public class PaceConverter implements ITypeConverter<Double> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)x?");
    /** Above this a paced run is indistinguishable from max on any machine; also keeps the value finite. */
    private static final double MAX_MULTIPLE = 1e9;

    @Override
    public Double convert(String value) {
        return parse(value);
    }

    /**
     * @return simulated seconds per wall second, &gt; 0; 0 for {@code max}
     * @throws TypeConversionException if it is neither {@code max} nor a positive multiple such as {@code 10x}
     */
    public static double parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("max")) {
            return 0;
        }
        Matcher m = FORMAT.matcher(v);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a pace; use a multiple of real time such as"
                    + " 1x or 10x, or max");
        }
        double multiple = Double.parseDouble(m.group(1));
        if (multiple <= 0 || multiple > MAX_MULTIPLE) {
            throw new TypeConversionException("must be above 0x and at most 1e9x (or max), got " + value);
        }
        return multiple;
    }

    /** @return {@code pace} written as the option takes it: {@code max}, {@code 1x}, {@code 2.5x} */
    public static String format(double pace) {
        if (pace == 0) {
            return "max";
        }
        return (pace == Math.rint(pace) ? Long.toString((long) pace) : Double.toString(pace)) + "x";
    }
}
