package org.rtmmlab.scheduler.rtmdl;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code rtmdl-nopack}: RT-mDL ablation: one GPU stream (no packing); {@link RtmdlPolicy} with {@code packing=false} fixed, so that
 * {@code compare} can run the ablation next to {@code rtmdl} (issue 13). ConfigAdmin PID {@value #PID}.
 */
@Component(service = SchedulerPolicy.class, configurationPid = RtmdlNoPackPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class RtmdlNoPackPolicy extends RtmdlPolicy {

    /** Policy id. */
    public static final String ID = "rtmdl-nopack";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.rtmdlnopack";

    /** Creates the ablation. */
    public RtmdlNoPackPolicy() {
        super(ID, "RT-mDL ablation: one GPU stream (no packing)", Map.of(RtmdlSettings.PACKING.key(), "false"));
    }
}
