package org.rtmmlab.scheduler.herald;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code herald}: Herald, H. Kwon et al., "Heterogeneous Dataflow Accelerators for Multi-DNN Workloads", HPCA
 * 2021, section IV (Herald's layer scheduler: static, offline layer-to-sub-accelerator assignment minimising EDP,
 * then load balancing by moving layers to their second-best sub-accelerator) and section IV-C (run-time execution in
 * layer order per sub-accelerator). Ported as in {@code docs/baselines.md}, "Herald", and this bundle's README.
 *
 * <p>Once per run, in {@link #create}, the {@link StaticMap} maps every block of {@code blockLayers} layers of every
 * model to one accelerator (cheapest by {@code objective}, then balanced by per-model load weighted by frame rate
 * while the whole plan's objective improves). At run time each accelerator serves its blocks FCFS by request arrival
 * ({@link HeraldScheduler}). Never drops, never uses the other accelerators for a block (not work-conserving).
 * Properties {@code objective}, {@code blockLayers}, {@code balance}, {@code balanceAbove}; ConfigAdmin PID
 * {@code org.rtmmlab.scheduler.herald} sets defaults, run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = HeraldPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class HeraldPolicy extends ConfiguredPolicy {

    /** Policy id. */
    public static final String ID = "herald";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.herald";

    /** Creates the policy with built-in defaults. */
    public HeraldPolicy() {
        super(ID, "Herald (HPCA'21): static EDP-minimal block-to-accelerator map, load-balanced, FCFS per accelerator",
                HeraldSettings.SPECS);
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        HeraldSettings settings = HeraldSettings.read(defaults(), context.properties());
        return new HeraldScheduler(StaticMap.plan(context.costs(), context.scenario(), settings));
    }
}
