package org.rtmmlab.json;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * A scenario provider whose scenarios are scenario files shipped next to the subclass (its package), with model refs
 * resolved against the other installed providers ({@link PeerProviders}): the plumbing the drone and rtmdl providers
 * share. A subclass passes its id, description and files; as a DS component it inherits the activate and deactivate
 * methods that track its peers (bnd's {@code -dsannotations-options: inherit}, as the lab's bundles are built). On a
 * plain class path (ServiceLoader) peers are found with ServiceLoader. Thread-safe.
 *
 * @since 1.4
 */
public abstract class BundledScenarioProvider implements ScenarioProvider {

    /**
     * One shipped scenario.
     *
     * @param id          the scenario id
     * @param resource    the scenario file, relative to the subclass's package
     * @param description one line for listings
     */
    public record Shipped(String id, String resource, String description) {
    }

    private final String id;
    private final String description;
    private final Map<String, Shipped> shipped;
    private final PeerProviders peers = new PeerProviders(this);

    /**
     * @param id          the provider id
     * @param description one line for listings
     * @param shipped     its scenarios, in listing order
     */
    protected BundledScenarioProvider(String id, String description, List<Shipped> shipped) {
        this.id = id;
        this.description = description;
        this.shipped = shipped.stream().collect(Collectors.toMap(Shipped::id, s -> s, (a, b) -> {
            throw new IllegalArgumentException("scenario id shipped twice: " + a.id());
        }, LinkedHashMap::new));
    }

    /** DS activation: peers are the other scenario provider services, tracked from the first load on. */
    @Activate
    public final void activate(BundleContext context) {
        peers.osgi(context);
    }

    /** DS deactivation: releases the tracked peers. */
    @Deactivate
    public final void deactivate() {
        peers.close();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<Info> scenarios() {
        return shipped.values().stream().map(s -> new Info(s.id(), s.description())).toList();
    }

    @Override
    public final Scenario load(String scenarioId) {
        Shipped s = shipped.get(scenarioId);
        if (s == null) {
            throw new InvalidInputException(id, "", "unknown scenario id '" + scenarioId + "'; known ids: "
                    + String.join(", ", shipped.keySet()));
        }
        return ScenarioFiles.resource(getClass(), s.resource(), peers.resolver());
    }
}
