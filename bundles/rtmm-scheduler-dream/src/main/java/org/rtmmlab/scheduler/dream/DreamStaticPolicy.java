package org.rtmmlab.scheduler.dream;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code dream-static}: ablation: scores and drops only. DREAM: S. Kim, H. Kwon et al., "DREAM: A Dynamic Scheduler for Dynamic Real-time
 * Multi-model ML Workloads", ASPLOS 2023 (arXiv 2212.03414; first version SDRM3), reconstructed as in this bundle's
 * README ({@link DreamScheduler}). ConfigAdmin PID {@value DreamSettings#PID} sets defaults, run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = DreamSettings.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class DreamStaticPolicy extends DreamPolicyBase {

    /** Policy id. */
    public static final String ID = "dream-static";

    /** Creates the policy with built-in defaults. */
    public DreamStaticPolicy() {
        super(ID, "DREAM with neither online tuner nor supernet switching (scores and drops only)", false, false);
    }

}
