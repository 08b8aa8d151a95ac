package org.rtmmlab.api.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One property a {@link SchedulerPolicy} accepts, declared once: its key, type, default, allowed range or values
 * and a one-line help. {@code rtmm list --all} shows it, {@code config.json} records its effective value, and
 * {@link PropertyReader} reads and checks a run's value against it, so a policy never parses its properties by hand.
 *
 * <p>The constructor checks the declaration itself: a blank key or help, a default that does not parse as the type
 * or lies outside the range, a range on a non-numeric type, or a CHOICE without values is an
 * {@link IllegalArgumentException} (a bug of the plugin, not bad user input).
 *
 * @param key          the property key, e.g. {@code blockLayers}; must not start with {@code engine.}
 * @param type         the value type
 * @param defaultValue the built-in default as text that parses as {@code type} (e.g. {@code 4}, {@code 0.5},
 *                     {@code true}, one of {@code choices})
 * @param min          smallest allowed value (inclusive) of an INTEGER or NUMBER, {@link Double#NEGATIVE_INFINITY}
 *                     when unbounded (and for the other types)
 * @param max          largest allowed value (inclusive), {@link Double#POSITIVE_INFINITY} when unbounded
 * @param choices      the allowed values of a CHOICE (non-empty, distinct); empty for the other types
 * @param help         what the property means, one line
 * @since 1.3
 */
public record PropertySpec(String key, Type type, String defaultValue, double min, double max, List<String> choices,
                           String help) {

    /** The value type of a property. */
    public enum Type {
        /** A whole number ({@code long}), e.g. a layer count or a time in ns. */
        INTEGER,
        /** A finite decimal number ({@code double}). */
        NUMBER,
        /** {@code true} or {@code false} (any case). */
        BOOLEAN,
        /** One of a fixed set of words. */
        CHOICE,
        /** Free text. */
        TEXT;

        /** @return the lower-case name shown in listings, e.g. {@code integer} */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the declaration; see the class comment. */
    public PropertySpec {
        Objects.requireNonNull(type, "type");
        if (key == null || key.isBlank() || !key.strip().equals(key) || key.startsWith("engine.")) {
            throw new IllegalArgumentException("property key must be non-blank, without surrounding spaces and not engine.*: '"
                    + key + "'");
        }
        if (help == null || help.isBlank() || help.contains("\n")) {
            throw new IllegalArgumentException(key + ": help must be one non-blank line");
        }
        Objects.requireNonNull(defaultValue, key + ": default value");
        choices = choices == null ? List.of() : List.copyOf(choices);
        boolean numeric = type == Type.INTEGER || type == Type.NUMBER;
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException(key + ": bad range [" + min + ", " + max + "]");
        }
        if (!numeric && (min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(key + ": a " + type.label() + " property has no range");
        }
        if (type == Type.INTEGER && (!whole(min) || !whole(max))) {
            throw new IllegalArgumentException(key + ": an integer range needs whole bounds, got [" + min + ", "
                    + max + "]");
        }
        if (type == Type.CHOICE) {
            if (choices.isEmpty() || choices.stream().distinct().count() != choices.size()
                    || choices.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new IllegalArgumentException(key + ": a choice needs distinct non-blank values, got " + choices);
            }
        } else if (!choices.isEmpty()) {
            throw new IllegalArgumentException(key + ": only a choice property has allowed values");
        }
        String problem = PropertyReader.problem(type, defaultValue, min, max, choices);
        if (problem != null) {
            throw new IllegalArgumentException(key + ": default " + problem);
        }
    }

    private static boolean whole(double bound) {
        return Double.isInfinite(bound) || (bound == Math.rint(bound) && Math.abs(bound) <= (1L << 53));
    }

    private static double lower(long min) {
        return min == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY : min;
    }

    private static double upper(long max) {
        return max == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : max;
    }

    /**
     * @param min smallest allowed value ({@link Long#MIN_VALUE}: unbounded)
     * @param max largest allowed value ({@link Long#MAX_VALUE}: unbounded); bounds beyond 2^53 in magnitude other
     *            than these two are refused
     * @return an INTEGER property
     */
    public static PropertySpec integer(String key, long defaultValue, long min, long max, String help) {
        return new PropertySpec(key, Type.INTEGER, Long.toString(defaultValue), lower(min), upper(max), List.of(),
                help);
    }

    /** @return an INTEGER property with no upper bound */
    public static PropertySpec integer(String key, long defaultValue, long min, String help) {
        return integer(key, defaultValue, min, Long.MAX_VALUE, help);
    }

    /** @return a NUMBER property in [min, max] (infinite bounds: unbounded) */
    public static PropertySpec number(String key, double defaultValue, double min, double max, String help) {
        return new PropertySpec(key, Type.NUMBER, Double.toString(defaultValue), min, max, List.of(), help);
    }

    /** @return a BOOLEAN property */
    public static PropertySpec bool(String key, boolean defaultValue, String help) {
        return new PropertySpec(key, Type.BOOLEAN, Boolean.toString(defaultValue), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, List.of(), help);
    }

    /** @return a CHOICE property whose value is one of {@code choices} */
    public static PropertySpec choice(String key, String defaultValue, List<String> choices, String help) {
        return new PropertySpec(key, Type.CHOICE, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                choices, help);
    }

    /** @return a TEXT property */
    public static PropertySpec text(String key, String defaultValue, String help) {
        return new PropertySpec(key, Type.TEXT, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(), help);
    }

    /**
     * @param value the new default as text
     * @return this declaration with another default (e.g. a ConfigAdmin value)
     * @throws IllegalArgumentException if {@code value} does not fit the type or range
     */
    public PropertySpec withDefault(String value) {
        return new PropertySpec(key, type, value == null ? null : value.trim(), min, max, choices, help);
    }

    /**
     * @param specs      built-in declarations
     * @param configured configured defaults by key (ConfigAdmin values), e.g. from
     *                   {@link PropertyReader#configured(List, Map)}
     * @return {@code specs} with each valid configured value as its default; a value that does not fit keeps the
     *         built-in default here (a run reading it through {@link PropertyReader} still reports it as an error)
     */
    public static List<PropertySpec> withDefaults(List<PropertySpec> specs, Map<String, String> configured) {
        List<PropertySpec> out = new ArrayList<>(specs.size());
        for (PropertySpec s : specs) {
            String v = configured.get(s.key());
            PropertySpec d = s;
            if (v != null) {
                try {
                    d = s.withDefault(v);
                } catch (IllegalArgumentException e) {
                    d = s;
                }
            }
            out.add(d);
        }
        return List.copyOf(out);
    }

    /** @return true if the value has a lower or upper bound */
    public boolean bounded() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }

    /**
     * @return the allowed values in words: {@code [0, 10]}, {@code >= 1}, {@code <= 5}, {@code a|b|c} for a choice,
     *         {@code true|false} for a boolean, {@code any} otherwise
     */
    public String range() {
        return switch (type) {
            case CHOICE -> String.join("|", choices);
            case BOOLEAN -> "true|false";
            case TEXT -> "any";
            case INTEGER, NUMBER -> {
                if (min != Double.NEGATIVE_INFINITY && max != Double.POSITIVE_INFINITY) {
                    yield "[" + bound(min) + ", " + bound(max) + "]";
                }
                if (min != Double.NEGATIVE_INFINITY) {
                    yield ">= " + bound(min);
                }
                yield max != Double.POSITIVE_INFINITY ? "<= " + bound(max) : "any";
            }
        };
    }

    /** @return a bound as short text: whole numbers without a fraction ({@code 1}, not {@code 1.0}) */
    static String bound(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
