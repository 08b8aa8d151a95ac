package org.rtmmlab.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published result in the container's results index ({@code data/results/index.json}): an evaluation's folder,
 * readable whether or not the plugins that made it are still installed.
 *
 * @param id        evaluation id (also the folder name)
 * @param state     final state: FINISHED, FAILED, CANCELLED or INTERRUPTED
 * @param message   one line (failure reason), or empty
 * @param scenarios scenario ids of its runs
 * @param platforms platform ids
 * @param schedulers scheduler ids, including those swapped in
 * @param plugins   bundle symbolic name to version, of every plugin its runs used
 * @param dir       its folder
 * @param files     files in it, relative paths with '/' (e.g. {@code run/report.html})
 * @param ended     when it ended
 */
public record ResultEntry(String id, EvaluationState state, String message, List<String> scenarios,
                          List<String> platforms, List<String> schedulers, Map<String, String> plugins, Path dir,
                          List<String> files, Instant ended) {

    /** Copies the collections. */
    public ResultEntry {
        message = message == null ? "" : message;
        scenarios = List.copyOf(scenarios);
        platforms = List.copyOf(platforms);
        schedulers = List.copyOf(schedulers);
        plugins = Map.copyOf(plugins);
        files = List.copyOf(files);
    }
}
