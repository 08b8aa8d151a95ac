package org.rtmmlab.api.scheduler;

import java.util.Map;
import org.rtmmlab.api.InvalidInputException;

/**
 * Reads a policy's run properties ({@code --set key=value}, ConfigAdmin defaults) as bounded numbers, with the
 * lab's one-line input errors ({@code <policy>: <key>: <reason>}), so every policy reports a bad value the same way.
 *
 * @since 1.1
 * @deprecated since 1.3: declare the properties as {@link PropertySpec}s in {@link SchedulerPolicy#properties()} and
 *             read them with {@link PropertyReader}, which also checks booleans and choices and lists them; kept so
 *             that code compiled against 1.1 keeps working
 */
@Deprecated(since = "1.3")
public final class PropertyValues {

    private PropertyValues() {
    }

    /**
     * @param policy   the policy id, named in errors
     * @param values   the properties
     * @param key      the key to read
     * @param fallback the value when the key is absent
     * @param min      smallest allowed value
     * @param max      largest allowed value
     * @return the value of {@code key}, or {@code fallback}
     * @throws InvalidInputException if the value is not an integer or is outside [min, max]
     */
    public static long integer(String policy, Map<String, String> values, String key, long fallback, long min,
                               long max) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(policy, key, "not an integer: '" + v + "'");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(policy, key, "must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * @return the value of {@code key} as a number in [min, max], or {@code fallback} when absent
     * @throws InvalidInputException if the value is not a number or is outside [min, max] (NaN is outside)
     * @see #integer
     */
    public static double number(String policy, Map<String, String> values, String key, double fallback, double min,
                                double max) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(policy, key, "not a number: '" + v + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new InvalidInputException(policy, key, "must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
