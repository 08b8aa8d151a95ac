package org.rtmmlab.scheduler.dream;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code dream-nosupernet}: ablation: online tuner on, full models only. DREAM: S. Kim, H. Kwon et al., "DREAM: A Dynamic Scheduler for Dynamic Real-time
 * Multi-model ML Workloads", ASPLOS 2023 (arXiv 2212.03414; first version SDRM3), reconstructed as in this bundle's
 * README ({@link DreamScheduler}). ConfigAdmin PID {@value DreamSettings#PID} sets defaults, run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = DreamSettings.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class DreamNoSupernetPolicy extends DreamPolicyBase {

    /** Policy id. */
    public static final String ID = "dream-nosupernet";

    /** Creates the policy with built-in defaults. */
    public DreamNoSupernetPolicy() {
        super(ID, "DREAM without supernet switching (full models only)", true, false);
    }

}
