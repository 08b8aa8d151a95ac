package org.rtmmlab.api.scheduler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;

/**
 * Reads a run's properties as typed values against a policy's {@link PropertySpec declarations}: the run's value
 * where set, else the configured default (ConfigAdmin), else the declared default. Every value is checked when the
 * reader is made, so a bad value fails the run before it starts, with the lab's one-line input error
 * {@code <policy>: <key>: <reason>}, e.g. {@code edf: blockLayers: must be >= 0, got -1} or
 * {@code herald: objective: must be one of edp|latency|energy, got 'fast'}.
 *
 * <pre>{@code
 * static final List<PropertySpec> SPECS = List.of(PropertySpec.integer("blockLayers", 1, 1, "layers per block"));
 * public List<PropertySpec> properties() { return SPECS; }
 * public Scheduler create(SchedulerContext context) {
 *     PropertyReader p = PropertyReader.of(id(), SPECS, context.properties());
 *     return new MyScheduler(p.intValue("blockLayers"));
 * }
 * }</pre>
 *
 * Keys of the run that are not declared (such as {@code engine.*}) are ignored here; the engine rejects unknown
 * ones. Reading a key that is not declared is a bug of the policy ({@link IllegalArgumentException}).
 *
 * @since 1.3
 */
public final class PropertyReader {

    private final String source;
    private final Map<String, PropertySpec> specs;
    private final Map<String, String> values;

    private PropertyReader(String source, List<PropertySpec> specs, Map<String, String> configured,
                           Map<String, String> run) {
        this.source = source;
        Map<String, PropertySpec> bySpec = new LinkedHashMap<>();
        Map<String, String> effective = new TreeMap<>();
        for (PropertySpec s : specs) {
            if (bySpec.put(s.key(), s) != null) {
                throw new IllegalArgumentException(source + ": property " + s.key() + " is declared twice");
            }
            String v = run.get(s.key());
            if (v == null) {
                v = configured.get(s.key());
            }
            if (v == null) {
                v = s.defaultValue();
            }
            v = v.trim();
            String problem = problem(s.type(), v, s.min(), s.max(), s.choices());
            if (problem != null) {
                throw new InvalidInputException(source, s.key(), problem);
            }
            effective.put(s.key(), normalise(s.type(), v));
        }
        this.specs = Collections.unmodifiableMap(bySpec);
        this.values = Collections.unmodifiableMap(effective);
    }

    /**
     * @param source the policy id, named in errors
     * @param specs  the policy's declarations
     * @param run    the run's properties (other keys are ignored)
     * @return a reader of the run's values, defaults where unset
     * @throws InvalidInputException naming the key, the value and what is expected, for the first bad value
     */
    public static PropertyReader of(String source, List<PropertySpec> specs, Map<String, String> run) {
        return new PropertyReader(source, specs, Map.of(), run);
    }

    /**
     * @param configured configured defaults (ConfigAdmin), overriding the declared defaults
     * @param run        the run's properties, overriding both
     * @return a reader of the layered values
     * @throws InvalidInputException naming the key, the value and what is expected, for the first bad value
     * @see #of(String, List, Map)
     */
    public static PropertyReader of(String source, List<PropertySpec> specs, Map<String, String> configured,
                                    Map<String, String> run) {
        return new PropertyReader(source, specs, configured, run);
    }

    /**
     * @param specs  the policy's declarations
     * @param config DS component properties (ConfigAdmin values plus {@code component.*} and {@code service.*}
     *               keys), or {@code null}
     * @return the values of the declared keys found in {@code config}, as text, sorted by key
     */
    public static Map<String, String> configured(List<PropertySpec> specs, Map<String, ?> config) {
        Map<String, String> out = new TreeMap<>();
        if (config != null) {
            for (PropertySpec s : specs) {
                Object v = config.get(s.key());
                if (v != null) {
                    out.put(s.key(), v.toString());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return every declared key's effective value as normalised text, sorted by key (for {@code config.json}) */
    public Map<String, String> values() {
        return values;
    }

    /** @return the INTEGER property {@code key} */
    public long integer(String key) {
        return Long.parseLong(value(key, PropertySpec.Type.INTEGER));
    }

    /**
     * @return the INTEGER property {@code key} as an {@code int}
     * @throws InvalidInputException if the value is outside the {@code int} range
     */
    public int intValue(String key) {
        long v = integer(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(source, key, "must be in [" + Integer.MIN_VALUE + ", "
                    + Integer.MAX_VALUE + "], got " + v);
        }
        return (int) v;
    }

    /** @return the NUMBER property {@code key} */
    public double number(String key) {
        return Double.parseDouble(value(key, PropertySpec.Type.NUMBER));
    }

    /** @return the BOOLEAN property {@code key} */
    public boolean bool(String key) {
        return Boolean.parseBoolean(value(key, PropertySpec.Type.BOOLEAN));
    }

    /** @return the CHOICE property {@code key}: one of its allowed values */
    public String choice(String key) {
        return value(key, PropertySpec.Type.CHOICE);
    }

    /** @return the TEXT property {@code key} */
    public String text(String key) {
        return value(key, PropertySpec.Type.TEXT);
    }

    private String value(String key, PropertySpec.Type type) {
        PropertySpec s = specs.get(key);
        if (s == null) {
            throw new IllegalArgumentException(source + ": property " + key + " is not declared");
        }
        if (s.type() != type) {
            throw new IllegalArgumentException(source + ": property " + key + " is a " + s.type().label()
                    + ", not a " + type.label());
        }
        return values.get(key);
    }

    private static String normalise(PropertySpec.Type type, String v) {
        return switch (type) {
            case INTEGER -> Long.toString(Long.parseLong(v));
            case NUMBER -> Double.toString(Double.parseDouble(v));
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(v));
            case CHOICE, TEXT -> v;
        };
    }

    /** @return what is wrong with {@code text} as a value of that type and range, or {@code null} if it fits */
    static String problem(PropertySpec.Type type, String text, double min, double max, List<String> choices) {
        String v = text.trim();
        switch (type) {
            case INTEGER -> {
                long x;
                try {
                    x = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return "not an integer: '" + text + "'";
                }
                return x < min || x > max ? outside(min, max, Long.toString(x)) : null;
            }
            case NUMBER -> {
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return "not a number: '" + text + "'";
                }
                if (!Double.isFinite(x)) {
                    return "not a finite number: '" + text + "'";
                }
                return x < min || x > max ? outside(min, max, Double.toString(x)) : null;
            }
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                return b.equals("true") || b.equals("false") ? null : "not true or false: '" + text + "'";
            }
            case CHOICE -> {
                return choices.contains(v) ? null
                        : "must be one of " + String.join("|", choices) + ", got '" + text + "'";
            }
            default -> {
                return null;
            }
        }
    }

    private static String outside(double min, double max, String got) {
        if (min != Double.NEGATIVE_INFINITY && max != Double.POSITIVE_INFINITY) {
            return "must be in [" + PropertySpec.bound(min) + ", " + PropertySpec.bound(max) + "], got " + got;
        }
        return (min != Double.NEGATIVE_INFINITY ? "must be >= " + PropertySpec.bound(min)
                : "must be <= " + PropertySpec.bound(max)) + ", got " + got;
    }
}
