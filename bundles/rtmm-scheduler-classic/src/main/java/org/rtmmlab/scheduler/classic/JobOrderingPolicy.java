package org.rtmmlab.scheduler.classic;

import java.util.List;
import java.util.function.IntFunction;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;

/**
 * What the job-ordering policies (FCFS, EDF, RR, LSF) share beyond {@link ConfiguredPolicy}: the {@code blockLayers}
 * property (declared as a {@link PropertySpec}; built-in default, optional ConfigAdmin default, run value wins; read
 * with {@link PropertyReader}) and the creation of the per-run {@link PriorityDispatchScheduler}. A policy whose
 * {@code @Component} names a {@code configurationPid} takes its ConfigAdmin defaults through the inherited DS method
 * {@link ConfiguredPolicy#configure}; without a configuration, the built-in default applies.
 */
abstract class JobOrderingPolicy extends ConfiguredPolicy {

    /** {@code blockLayers} help of the policies that re-decide after every block. */
    static final String PER_BLOCK = "layers per dispatched block, re-decided after each; 0 = the whole remaining job";

    private final IntFunction<PriorityDispatchScheduler> scheduler;

    /**
     * @param defaultBlockLayers built-in {@code blockLayers} default
     * @param blockLayersHelp    the one-line help of {@code blockLayers} in {@link #properties()}
     * @param scheduler          creates the per-run scheduler for a validated {@code blockLayers}
     */
    JobOrderingPolicy(String id, String description, int defaultBlockLayers, String blockLayersHelp,
                      IntFunction<PriorityDispatchScheduler> scheduler) {
        super(id, description, List.of(BlockLayers.spec(defaultBlockLayers, blockLayersHelp)));
        this.scheduler = scheduler;
    }

    @Override
    public final Scheduler create(SchedulerContext context) {
        return scheduler.apply(PropertyReader.of(id(), specs(), defaults(), context.properties())
                .intValue(BlockLayers.KEY));
    }
}
