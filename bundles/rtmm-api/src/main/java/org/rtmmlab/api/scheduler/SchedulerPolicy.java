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

    /**
     * @return configurable properties with their default values and meaning, for {@code rtmm list} and docs. The keys
     *         are the properties this policy accepts: the engine rejects a run property whose key is neither one of
     *         them nor an {@code engine.} key, so a misspelt key is an error instead of a silently ignored setting.
     */
    default Map<String, String> defaultProperties() {
        return Map.of();
    }
}
