package org.rtmmlab.scheduler.classic;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Scenario;

/**
 * A run's {@link SchedulerContext} whose properties are the policy's configured defaults (OSGi ConfigAdmin, through
 * DS {@code @Activate}/{@code @Modified}) overridden by the run's own properties ({@code --set key=value}).
 */
final class ConfiguredContext implements SchedulerContext {

    private final SchedulerContext run;
    private final Map<String, String> properties;

    private ConfiguredContext(SchedulerContext run, Map<String, String> properties) {
        this.run = run;
        this.properties = properties;
    }

    /** @return {@code run} with {@code defaults} filled in where the run sets no value */
    static SchedulerContext over(Map<String, String> defaults, SchedulerContext run) {
        if (defaults.isEmpty()) {
            return run;
        }
        Map<String, String> merged = new TreeMap<>(defaults);
        merged.putAll(run.properties());
        return new ConfiguredContext(run, Collections.unmodifiableMap(merged));
    }

    /**
     * @param config DS component properties (ConfigAdmin values plus {@code component.*} and {@code service.*} keys)
     * @param keys   the policy's property keys
     * @return the values of {@code keys} found in {@code config}, as strings, sorted
     */
    static Map<String, String> defaults(Map<String, Object> config, String... keys) {
        Map<String, String> out = new TreeMap<>();
        for (String key : keys) {
            Object v = config == null ? null : config.get(key);
            if (v != null) {
                out.put(key, v.toString());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override public Scenario scenario() { return run.scenario(); }
    @Override public Platform platform() { return run.platform(); }
    @Override public CostView costs() { return run.costs(); }
    @Override public boolean xrbenchCompat() { return run.xrbenchCompat(); }
    @Override public long seed() { return run.seed(); }
    @Override public Map<String, String> properties() { return properties; }
    @Override public long horizonNs() { return run.horizonNs(); }
    @Override public long windowNs() { return run.windowNs(); }
    @Override public String windowPrefix(int window) { return run.windowPrefix(window); }
}
