package org.rtmmlab.api.workload;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.rtmmlab.api.RtmmPlugin;

/**
 * Plugin kind that ships scenarios (e.g. the XRBench usage scenarios). Scenario ids are global, conventionally
 * {@code <provider>/<name>}. Implementations must be thread-safe: several evaluations may load at once.
 */
@ConsumerType
public interface ScenarioProvider extends RtmmPlugin {

    /** @return the scenarios this provider offers, in a stable order */
    List<Info> scenarios();

    /**
     * Loads a scenario.
     *
     * @param scenarioId one of the ids in {@link #scenarios()}
     * @return the validated scenario
     * @throws org.rtmmlab.api.InvalidInputException if the id is unknown or the scenario data is malformed
     */
    Scenario load(String scenarioId);

    /**
     * A scenario listing entry.
     *
     * @param id          scenario id, e.g. {@code xrbench/VR_gaming}
     * @param description one line
     */
    record Info(String id, String description) {
    }
}
