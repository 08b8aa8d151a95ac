package org.rtmmlab.scheduler.dream;

import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;

/**
 * What the four DREAM policies share beyond {@link ConfiguredPolicy}: the properties ({@link DreamSettings}), the
 * ConfigAdmin defaults (PID {@value DreamSettings#PID}, one configuration for all four, through the inherited DS
 * method {@link ConfiguredPolicy#configure}) and the scheduler; they differ only in which of the online tuner and the
 * supernet switcher run. Each subclass carries its own {@code @Component} and {@code @ServiceProvider}.
 */
abstract class DreamPolicyBase extends ConfiguredPolicy {

    private final boolean tune;
    private final boolean supernet;

    DreamPolicyBase(String id, String description, boolean tune, boolean supernet) {
        super(id, description, DreamSettings.SPECS);
        this.tune = tune;
        this.supernet = supernet;
    }

    @Override
    public final Scheduler create(SchedulerContext context) {
        return new DreamScheduler(context, DreamSettings.read(id(), defaults(), context.properties()), tune, supernet);
    }
}
