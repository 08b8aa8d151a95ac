package org.rtmmlab.workload.drone;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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

    /** DS activation: peers are the bound scenario providers. */
    @Activate
    void activate() {
        peers.osgi();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePeer",
            target = "(!(component.name=org.rtmmlab.workload.drone.DroneScenarioProvider))")
    void addPeer(ScenarioProvider p) {
        peers.bind(p);
    }

    void removePeer(ScenarioProvider p) {
        peers.unbind(p);
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
        InputStream in = DroneScenarioProvider.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new InvalidInputException(RESOURCE, "", "resource missing from the drone bundle");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return ScenarioFiles.parse(RESOURCE, r, peers.resolver());
        } catch (IOException e) {
            throw new InvalidInputException(RESOURCE, "", "cannot read: " + e.getMessage());
        }
    }
}
