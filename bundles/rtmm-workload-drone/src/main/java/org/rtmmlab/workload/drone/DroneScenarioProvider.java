package org.rtmmlab.workload.drone;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.BundledScenarioProvider;

/**
 * Scenario provider {@code drone}: {@code drone/patrol}, a drone patrol with obstacle detection, depth,
 * segmentation and a cascaded tracker at different rates and with bursts, shipped as the scenario file
 * {@code patrol.json} (next to this class; numbers and their origin in the bundle README). Its models are refs to
 * XRBench models ({@code xrbench:<model>}), resolved against the other installed scenario providers, so loading
 * needs the {@code xrbench} provider. Thread-safe.
 */
@Component(service = ScenarioProvider.class)
@ServiceProvider(value = ScenarioProvider.class, resolution = Resolution.OPTIONAL)
public final class DroneScenarioProvider extends BundledScenarioProvider {

    /** Plugin id. */
    public static final String ID = "drone";
    /** The patrol scenario. */
    public static final String PATROL = "drone/patrol";

    private static final String DESCRIPTION = "Drone patrol, 20 s: obstacle detection 30 fps (bursts to 60), depth 15"
            + " fps (30 on approach), segmentation 5 fps, tracking cascaded after detection; XRBench stand-in models";

    /** Creates the provider (ServiceLoader path: peers found with ServiceLoader). */
    public DroneScenarioProvider() {
        super(ID, "Drone workload (patrol with detection, depth, segmentation and tracking bursts) on XRBench models",
                List.of(new Shipped(PATROL, "patrol.json", DESCRIPTION)));
    }
}
