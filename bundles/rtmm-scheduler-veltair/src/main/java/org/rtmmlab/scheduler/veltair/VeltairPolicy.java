package org.rtmmlab.scheduler.veltair;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code veltair}: VELTAIR, Z. Liu et al., "VELTAIR: Towards High-Performance Multi-tenant Deep Learning
 * Services via Adaptive Compilation and Scheduling", ASPLOS 2022, section 4 (layer-block scheduling: blocks of
 * consecutive layers, block granularity adapted to the scheduling-conflict rate, each block's deadline share
 * proportional to its operations, the smallest resource that meets the share). Ported as in
 * {@code docs/baselines.md}, "Veltair", and this bundle's README: {@link VeltairScheduler} (dispatch) and
 * {@link BlockSize} (adaptation).
 *
 * <p>Never drops. Properties {@code blockLayers}, {@code minBlockLayers}, {@code maxBlockLayers},
 * {@code conflictWindow}, {@code conflictHigh}, {@code conflictLow}; ConfigAdmin PID
 * {@code org.rtmmlab.scheduler.veltair} sets defaults, run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = VeltairPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class VeltairPolicy extends ConfiguredPolicy {

    /** Policy id. */
    public static final String ID = "veltair";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.veltair";

    /** Creates the policy with built-in defaults. */
    public VeltairPolicy() {
        super(ID, "VELTAIR (ASPLOS'22): adaptive layer blocks, MAC-proportional deadline shares, least capable fit",
                VeltairSettings.SPECS);
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new VeltairScheduler(VeltairSettings.read(defaults(), context.properties()), context.costs());
    }
}
