package org.rtmmlab.scheduler.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code rtmdl}: RT-mDL's run-time scheduler (Ling et al., SenSys 2021): CPU and GPU sub-tasks in separate
 * priority queues, priority-guided packing of two GPU streams, each task's variant and priority from a strategy
 * file ({@code --set strategy=strategy.json}). Rule details in {@link RtmdlScheduler} and the bundle README. The
 * ablations {@link RtmdlNoPackPolicy} and {@link RtmdlNoSplitPolicy} are this policy with one property fixed.
 */
@Component(service = SchedulerPolicy.class, configurationPid = RtmdlPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public class RtmdlPolicy implements SchedulerPolicy {

    /** Policy id. */
    public static final String ID = "rtmdl";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.rtmdl";

    private final String id;
    private final String description;
    private final Map<String, String> fixed;
    private volatile Map<String, String> defaults = Map.of();

    /** Creates the policy with built-in defaults. */
    public RtmdlPolicy() {
        this(ID, "RT-mDL (SenSys'21): CPU/GPU sub-task priority queues, priority-guided packing of two GPU streams,"
                + " strategy file", Map.of());
    }

    /** An ablation: {@code fixed} property values that runs cannot change. */
    RtmdlPolicy(String id, String description, Map<String, String> fixed) {
        this.id = id;
        this.description = description;
        this.fixed = Map.copyOf(fixed);
    }

    /** DS: the ConfigAdmin configuration's values of the policy's keys become the defaults of every run. */
    @Activate
    @Modified
    void configure(Map<String, Object> config) {
        defaults = PropertyReader.configured(RtmdlSettings.specs(fixed), config);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<PropertySpec> properties() {
        return PropertySpec.withDefaults(RtmdlSettings.specs(fixed), defaults);
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new RtmdlScheduler(RtmdlSettings.read(id, fixed, defaults, context.properties()), context.scenario(),
                context.costs());
    }
}
