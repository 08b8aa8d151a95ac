package org.rtmmlab.api.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.Checks;

/**
 * Result of one run.
 *
 * @param config      the resolved configuration
 * @param labVersion  version of the engine that produced it
 * @param simulatedNs simulated time covered, ns
 * @param frames      request accounting over all tasks
 * @param energyMj    total energy (dynamic + switch + idle), mJ
 * @param perTask     results per task, in scenario order
 * @param metrics     named run-level figures (sorted), e.g. {@code xrbench.score}, {@code uxcost}
 */
public record RunResult(RunConfig config, String labVersion, long simulatedNs, FrameCounts frames, double energyMj,
                        List<TaskResult> perTask, Map<String, Double> metrics) {

    /** Validates and copies. */
    public RunResult {
        Checks.present(config, "config");
        Checks.present(frames, "frames");
        labVersion = labVersion == null ? "" : labVersion;
        perTask = Checks.list(perTask, "perTask");
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** @return metric {@code name}, or NaN if absent */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
