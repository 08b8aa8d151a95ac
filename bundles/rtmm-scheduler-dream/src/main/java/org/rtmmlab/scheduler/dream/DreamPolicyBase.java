package org.rtmmlab.scheduler.dream;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * What the four DREAM policies share: the properties ({@link DreamSettings}), the ConfigAdmin defaults (PID
 * {@value DreamSettings#PID}, one configuration for all four) and the scheduler; they differ only in which of the
 * online tuner and the supernet switcher run. Each subclass carries its own DS and ServiceLoader annotations (bnd
 * reads them on the component class).
 */
abstract class DreamPolicyBase implements SchedulerPolicy {

    private final String id;
    private final String description;
    private final boolean tune;
    private final boolean supernet;
    private volatile Map<String, String> defaults = Map.of();

    DreamPolicyBase(String id, String description, boolean tune, boolean supernet) {
        this.id = id;
        this.description = description;
        this.tune = tune;
        this.supernet = supernet;
    }

    /** DS: the ConfigAdmin configuration's values of DREAM's keys become the defaults of every run. */
    void configureDefaults(Map<String, Object> config) {
        defaults = PropertyReader.configured(DreamSettings.SPECS, config);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<PropertySpec> properties() {
        return PropertySpec.withDefaults(DreamSettings.SPECS, defaults);
    }

    @Override
    public final Scheduler create(SchedulerContext context) {
        return new DreamScheduler(context, DreamSettings.read(id, defaults, context.properties()), tune, supernet);
    }
}
