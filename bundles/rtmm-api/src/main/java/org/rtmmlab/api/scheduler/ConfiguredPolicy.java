package org.rtmmlab.api.scheduler;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;

/**
 * A policy whose declared properties take their defaults from a configuration (in the container: the ConfigAdmin
 * configuration of its DS component), run properties winning: the id, description and property plumbing every such
 * policy repeats. A subclass passes its id, description and {@link PropertySpec}s, reads its settings in
 * {@link #create} from {@link #defaults()} and the run's {@link SchedulerContext#properties()} (e.g. with
 * {@link PropertyReader#of(String, List, Map, Map)}). {@link #configure} is the DS activate and modified method: a
 * subclass that is a DS component (with a {@code configurationPid}) gets its ConfigAdmin configuration through it
 * when bnd builds it with {@code -dsannotations-options: inherit} (as the lab's bundles are built); without that
 * option, bnd reads DS annotations on the component class only, so declare
 * <pre>{@code
 * @Activate @Modified
 * void activate(Map<String, Object> config) { configure(config); }
 * }</pre>
 * Without a configuration the declared defaults apply, as on the command line.
 *
 * @since 1.3
 */
public abstract class ConfiguredPolicy implements SchedulerPolicy {

    private final String id;
    private final String description;
    private final List<PropertySpec> specs;
    private volatile Map<String, String> defaults = Map.of();

    /**
     * @param id          the policy id
     * @param description one line for listings
     * @param specs       the properties it accepts, with their declared defaults
     */
    protected ConfiguredPolicy(String id, String description, List<PropertySpec> specs) {
        this.id = id;
        this.description = description;
        this.specs = List.copyOf(specs);
    }

    /**
     * DS activate and modified method: takes the values of the declared keys in {@code config} (the component
     * properties: its ConfigAdmin configuration) as the defaults of every later run; other keys are ignored.
     *
     * @throws org.rtmmlab.api.InvalidInputException when a declared key's value is not valid
     */
    @Activate
    @Modified
    public final void configure(Map<String, ?> config) {
        defaults = PropertyReader.configured(specs, config);
    }

    /** @return the configured defaults (declared keys only; empty when not configured) */
    protected final Map<String, String> defaults() {
        return defaults;
    }

    /** @return the declared properties */
    protected final List<PropertySpec> specs() {
        return specs;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    /** @return the declared properties, with the configured defaults in place of the declared ones */
    @Override
    public final List<PropertySpec> properties() {
        return PropertySpec.withDefaults(specs, defaults);
    }
}
