package org.rtmmlab.api.scheduler;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Scenario;

/** What a {@link SchedulerPolicy} gets when it creates a scheduler for one run. */
@ProviderType
public interface SchedulerContext {

    /** @return the run's scenario */
    Scenario scenario();

    /** @return the run's platform */
    Platform platform();

    /** @return the run's cost look-ups (same indices as the view) */
    CostView costs();

    /** @return true if the run reproduces the XRBench runtime (DESIGN.md section 3) */
    boolean xrbenchCompat();

    /** @return the seed of the scheduler's random stream */
    long seed();

    /** @return scheduler properties set by the user (command line {@code --set}, ConfigAdmin), sorted by key */
    Map<String, String> properties();

    /** @return property {@code key} as a double, or {@code fallback}; a non-number is a clear input error */
    default double doubleProperty(String key, double fallback) {
        String v = properties().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("scheduler property", key, "not a number: '" + v + "'");
        }
    }

    /** @return property {@code key} as a long, or {@code fallback}; a non-integer is a clear input error */
    default long longProperty(String key, long fallback) {
        String v = properties().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("scheduler property", key, "not an integer: '" + v + "'");
        }
    }

    /** @return property {@code key}, or {@code fallback} */
    default String property(String key, String fallback) {
        return properties().getOrDefault(key, fallback);
    }
}
