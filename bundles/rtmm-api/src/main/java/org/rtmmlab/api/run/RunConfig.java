package org.rtmmlab.api.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.Checks;

/**
 * Everything that determines a run: same config = byte-identical results.
 *
 * @param scenario      scenario id or file path
 * @param platform      platform id or file path
 * @param scheduler     scheduler policy id
 * @param seed          root seed, split into independent streams
 * @param durationNs    simulated time, ns; 0 = the scenario's default
 * @param xrbenchCompat reproduce the XRBench runtime's semantics (docs/simulation.md, docs/xrbench-runtime.md)
 * @param properties    scheduler properties (sorted)
 * @param reporters     ids of extra metric reporters to run (files), in order
 */
public record RunConfig(String scenario, String platform, String scheduler, long seed, long durationNs,
                        boolean xrbenchCompat, Map<String, String> properties, List<String> reporters) {

    /** Validates ids and copies the collections. */
    public RunConfig {
        Checks.id(scenario, "scenario");
        Checks.id(platform, "platform");
        Checks.id(scheduler, "scheduler");
        Checks.nonNegative(durationNs, "durationNs");
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        reporters = reporters == null ? List.of() : Checks.list(reporters, "reporters");
    }

    /** A run with default duration, no properties and no extra reporters. */
    public static RunConfig of(String scenario, String platform, String scheduler, long seed) {
        return new RunConfig(scenario, platform, scheduler, seed, 0, false, Map.of(), List.of());
    }

    /** @return this config with another scheduler */
    public RunConfig withScheduler(String id) {
        return new RunConfig(scenario, platform, id, seed, durationNs, xrbenchCompat, properties, reporters);
    }

    /** @return this config in XRBench compatibility mode or not */
    public RunConfig withXrbenchCompat(boolean on) {
        return new RunConfig(scenario, platform, scheduler, seed, durationNs, on, properties, reporters);
    }
}
