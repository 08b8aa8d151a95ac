package org.rtmmlab.scheduler.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code rtmdl-nosplit}: RT-mDL ablation: one job at a time (no CPU/GPU split); {@link RtmdlPolicy} with {@code split=false} fixed, so that
 * {@code compare} can run the ablation next to {@code rtmdl} (issue 13). ConfigAdmin PID {@value #PID}.
 */
@Component(service = SchedulerPolicy.class, configurationPid = RtmdlNoSplitPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class RtmdlNoSplitPolicy extends RtmdlPolicy {

    /** Policy id. */
    public static final String ID = "rtmdl-nosplit";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.rtmdlnosplit";

    /** Creates the ablation. */
    public RtmdlNoSplitPolicy() {
        super(ID, "RT-mDL ablation: one job at a time (no CPU/GPU split)", Map.of(RtmdlSettings.SPLIT.key(), "false"));
    }
}
