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

    /** @return true if the run reproduces the XRBench runtime (docs/simulation.md, docs/xrbench-runtime.md) */
    boolean xrbenchCompat();

    /** @return the seed of the scheduler's random stream */
    long seed();

    /**
     * @return scheduler properties set by the user (command line {@code --set}, ConfigAdmin), sorted by key; read them
     *         against the policy's declarations with {@link PropertyReader}
     */
    Map<String, String> properties();

    /**
     * @return the run's simulated duration, ns (0 where the caller does not know it, e.g. a hand-made context)
     * @since 1.2
     */
    default long horizonNs() {
        return 0;
    }

    /**
     * @return width of the engine's per-window metrics ({@code engine.window}), ns; 0 when they are off or unknown
     * @since 1.2
     */
    default long windowNs() {
        return 0;
    }

    /**
     * @param window window index, 0-based ({@code [i x windowNs, (i+1) x windowNs)})
     * @return the metric-name prefix the engine uses for that window, e.g. {@code window.07.} (zero-padded to the
     *         width of the last index, so sorted names are in time order)
     * @since 1.2
     */
    default String windowPrefix(int window) {
        return "window." + window + ".";
    }

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
