package org.rtmmlab.scheduler.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code rtmdl-noscale}: RT-mDL ablation "without scaling": every task runs its full model, with the
 * strategy's priorities and utilisation; {@link RtmdlPolicy} with {@code scaling=false} fixed, so that {@code compare}
 * can run the ablation next to {@code rtmdl} with the same strategy file (issue 13). ConfigAdmin PID {@value #PID}.
 */
@Component(service = SchedulerPolicy.class, configurationPid = RtmdlNoScalePolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class RtmdlNoScalePolicy extends RtmdlPolicy {

    /** Policy id. */
    public static final String ID = "rtmdl-noscale";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.rtmdlnoscale";

    /** Creates the ablation. */
    public RtmdlNoScalePolicy() {
        super(ID, "RT-mDL ablation: full models (no scaling), the strategy's priorities",
                Map.of(RtmdlSettings.SCALING.key(), "false"));
    }
}
