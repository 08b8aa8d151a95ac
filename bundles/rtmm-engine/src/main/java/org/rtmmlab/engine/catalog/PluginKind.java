package org.rtmmlab.engine.catalog;

import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.ScenarioProvider;

/** The four plugin kinds, with the SPI type each is registered under. */
public enum PluginKind {
    /** {@link SchedulerPolicy}. */
    SCHEDULER(SchedulerPolicy.class, "scheduler"),
    /** {@link AcceleratorModel}. */
    ACCELERATOR_MODEL(AcceleratorModel.class, "accelerator-model"),
    /** {@link ScenarioProvider}. */
    SCENARIO_PROVIDER(ScenarioProvider.class, "scenario-provider"),
    /** {@link MetricReporter}. */
    REPORTER(MetricReporter.class, "reporter");

    private final Class<? extends RtmmPlugin> type;
    private final String label;

    PluginKind(Class<? extends RtmmPlugin> type, String label) {
        this.type = type;
        this.label = label;
    }

    /** @return the SPI interface */
    public Class<? extends RtmmPlugin> type() {
        return type;
    }

    /** @return lower-case label shown to users */
    public String label() {
        return label;
    }

    /** @return the kind of a plugin instance (the first SPI it implements, in declaration order) */
    public static PluginKind of(RtmmPlugin plugin) {
        for (PluginKind k : values()) {
            if (k.type.isInstance(plugin)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a known plugin kind: " + plugin.getClass().getName());
    }
}
