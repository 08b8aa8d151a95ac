package org.rtmmlab.workload.drone;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.PeerProviders;
import org.rtmmlab.json.ScenarioFiles;

/**
 * Scenario provider {@code drone}: {@code drone/patrol}, a drone patrol with obstacle detection, depth,
 * segmentation and a cascaded tracker at different rates and with bursts, shipped as the scenario file
 * {@code patrol.json} (next to this class; numbers and their origin in the bundle README). Its models are refs to
 * XRBench models ({@code xrbench:<model>}), resolved against the other installed scenario providers, so loading
 * needs the {@code xrbench} provider. Thread-safe.
 */
@Component(service = ScenarioProvider.class)
@ServiceProvider(value = ScenarioProvider.class, resolution = Resolution.OPTIONAL)
public final class DroneScenarioProvider implements ScenarioProvider {

    /** Plugin id. */
    public static final String ID = "drone";
    /** The patrol scenario. */
    public static final String PATROL = "drone/patrol";

    private static final String RESOURCE = "patrol.json";
    private static final String DESCRIPTION = "Drone patrol, 20 s: obstacle detection 30 fps (bursts to 60), depth 15"
            + " fps (30 on approach), segmentation 5 fps, tracking cascaded after detection; XRBench stand-in models";

    private final PeerProviders peers = new PeerProviders(this);

    /** Creates the provider (ServiceLoader path: peers found with ServiceLoader). */
    public DroneScenarioProvider() {
    }

    /** DS activation: peers are the other scenario provider services, tracked from the first load on. */
    @Activate
    void activate(BundleContext context) {
        peers.osgi(context);
    }

    /** DS deactivation: releases the tracked peers. */
    @Deactivate
    void deactivate() {
        peers.close();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Drone workload (patrol with detection, depth, segmentation and tracking bursts) on XRBench models";
    }

    @Override
    public List<Info> scenarios() {
        return List.of(new Info(PATROL, DESCRIPTION));
    }

    @Override
    public Scenario load(String scenarioId) {
        if (!PATROL.equals(scenarioId)) {
            throw new InvalidInputException(ID, "", "unknown scenario id '" + scenarioId + "'; known ids: " + PATROL);
        }
        return ScenarioFiles.resource(DroneScenarioProvider.class, RESOURCE, peers.resolver());
    }
}
