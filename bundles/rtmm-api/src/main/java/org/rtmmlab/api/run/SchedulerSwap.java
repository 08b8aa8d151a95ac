package org.rtmmlab.api.run;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.Checks;

/**
 * The scheduler of a running evaluation was replaced by another policy's (a "hot swap"): from {@code timeNs} on, the
 * new scheduler decides. The engine kept its queues, in-flight blocks and clock; the old scheduler's
 * {@code observe} history was not transferred. Plugin provenance is the bundle symbolic name and version, or the
 * jar and its version on the plain command line ({@code ""} where unknown).
 *
 * @param timeNs        simulated time of the swap (the first decision point of the new scheduler), ns
 * @param fromScheduler id of the policy replaced
 * @param fromBundle    its bundle
 * @param fromVersion   its bundle version
 * @param toScheduler   id of the policy taking over
 * @param toBundle      its bundle
 * @param toVersion     its bundle version
 * @param properties    the new scheduler's run properties (sorted)
 * @since 1.3
 */
public record SchedulerSwap(long timeNs, String fromScheduler, String fromBundle, String fromVersion,
                            String toScheduler, String toBundle, String toVersion, Map<String, String> properties) {

    /** Validates ids and copies the properties. */
    public SchedulerSwap {
        Checks.nonNegative(timeNs, "timeNs");
        Checks.id(fromScheduler, "fromScheduler");
        Checks.id(toScheduler, "toScheduler");
        fromBundle = fromBundle == null ? "" : fromBundle;
        fromVersion = fromVersion == null ? "" : fromVersion;
        toBundle = toBundle == null ? "" : toBundle;
        toVersion = toVersion == null ? "" : toVersion;
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
