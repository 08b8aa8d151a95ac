package org.rtmmlab.itest.faulty;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/** A scheduler plugin that throws when DS activates it: the container and the other plugins must not notice. */
@Component(service = SchedulerPolicy.class)
public class FaultyPolicy implements SchedulerPolicy {

    /** Fails on purpose. */
    @Activate
    void activate() {
        throw new IllegalStateException("faulty plugin: activation fails on purpose");
    }

    @Override
    public String id() {
        return "faulty";
    }

    @Override
    public String description() {
        return "test fixture that fails to activate";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        throw new IllegalStateException("never activated");
    }
}
