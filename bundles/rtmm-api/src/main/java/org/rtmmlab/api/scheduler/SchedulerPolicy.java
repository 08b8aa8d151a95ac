package org.rtmmlab.api.scheduler;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
     * The properties this policy accepts, each with its type, default, range and help: {@code rtmm list --all} shows
     * them, {@code config.json} records their effective values, and {@link PropertyReader} reads a run's values
     * against them. The engine rejects a run property whose key is neither declared here nor an {@code engine.} key,
     * so a misspelt key is an error instead of a silently ignored setting. A policy with configured defaults
     * (ConfigAdmin) returns them as the defaults ({@link PropertySpec#withDefaults}).
     *
     * @return the declarations, in the order to list them; empty if the policy takes no properties
     * @since 1.3
     */
    default List<PropertySpec> properties() {
        return List.of();
    }

    /**
     * @return each accepted key with its default value (a plain value that parses as the property's type), sorted
     *         by key; derived from {@link #properties()}. A policy written before 1.3 may override this instead of
     *         {@link #properties()}: its keys are then still the accepted ones, listed without type or range.
     */
    default Map<String, String> defaultProperties() {
        Map<String, String> out = new TreeMap<>();
        for (PropertySpec s : properties()) {
            out.put(s.key(), s.defaultValue());
        }
        return Collections.unmodifiableMap(out);
    }
}
