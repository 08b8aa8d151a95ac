package org.rtmmlab.api.run;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.Checks;

/**
 * Result of one task (model instance) in a run.
 *
 * @param task     task id
 * @param model    model id
 * @param frames   request accounting
 * @param energyMj dynamic energy of this task's requests, mJ
 * @param metrics  named figures (sorted), e.g. {@code latency.p95.ms}, {@code xrbench.score}
 */
public record TaskResult(String task, String model, FrameCounts frames, double energyMj, Map<String, Double> metrics) {

    /** Validates ids and copies the metrics. */
    public TaskResult {
        Checks.id(task, "task");
        Checks.id(model, "model");
        Checks.present(frames, "frames");
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
