package org.rtmmlab.api;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the API records; each failure is an {@link InvalidInputException} naming the field. */
public final class Checks {

    private Checks() {
    }

    /** @return {@code value} if non-null and not blank */
    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("", field, "must be a non-empty id");
        }
        return value;
    }

    /** @return {@code value} if &gt; 0 */
    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new InvalidInputException("", field, "must be > 0, got " + value);
        }
        return value;
    }

    /** @return {@code value} if &gt; 0 */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidInputException("", field, "must be > 0, got " + value);
        }
        return value;
    }

    /** @return {@code value} if finite and &gt; 0 */
    public static double positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException("", field, "must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** @return {@code value} if &gt;= 0 */
    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidInputException("", field, "must be >= 0, got " + value);
        }
        return value;
    }

    /** @return {@code value} if finite and &gt;= 0 */
    public static double nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException("", field, "must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** @return {@code value} if in [0, 1] */
    public static double probability(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException("", field, "must be a probability in [0, 1], got " + value);
        }
        return value;
    }

    /** @return an unmodifiable copy of {@code list}, which must be non-null and hold no null */
    public static <T> List<T> list(List<T> list, String field) {
        if (list == null) {
            throw new InvalidInputException("", field, "must be present");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidInputException("", field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(list);
    }

    /** @return {@code value} if non-null */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidInputException("", field, "must be present");
        }
        return Objects.requireNonNull(value);
    }
}
