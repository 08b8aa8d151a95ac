package org.rtmmlab.sweep;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.RunConfig;

/**
 * One point of a sweep: a run configuration and where it sits in the sweep's dimensions.
 *
 * @param id         hex hash of the resolved configuration, seed, input file contents and lab version
 *                   ({@link PointId})
 * @param config     what runs, exactly as {@code rtmm run} would run it
 * @param dimensions dimension -> value (scheduler label, scenario, platform label, template parameters, seed,
 *                   durationMs, xrbenchCompat), in the order of the CSV columns
 * @param inputs     the files the point reads
 */
public record SweepPoint(String id, RunConfig config, Map<String, String> dimensions, List<InputFile> inputs) {
}
