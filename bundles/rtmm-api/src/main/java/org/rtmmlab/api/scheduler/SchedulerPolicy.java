package org.rtmmlab.api.scheduler;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.rtmmlab.api.RtmmPlugin;

/**
 * Plugin kind for a scheduling policy. The policy is a stateless factory; every run gets its own
 * {@link Scheduler} from {@link #create(SchedulerContext)}, so one policy serves many concurrent evaluations.
 */
@ConsumerType
public interface SchedulerPolicy extends RtmmPlugin {

    /**
     * @return a new scheduler for one run
     * @throws org.rtmmlab.api.InvalidInputException if a property is invalid for this policy
     */
    Scheduler create(SchedulerContext context);

    /** @return configurable properties with their default values and meaning, for {@code rtmm list} and docs */
    default Map<String, String> defaultProperties() {
        return Map.of();
    }
}
