package org.rtmmlab.api.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.rtmmlab.api.RtmmPlugin;

/**
 * Plugin kind that turns a run into files and figures (JSON, CSV, Perfetto trace, HTML, UXCost...).
 * A reporter that throws does not lose the run: the engine reports its failure and keeps the other outputs.
 */
@ConsumerType
public interface MetricReporter extends RtmmPlugin {

    /**
     * Starts reporting one run.
     *
     * @param run       the run
     * @param outputDir directory for this run's files (exists), or {@code null} when no files are wanted
     */
    ReportSession open(RunInfo run, Path outputDir) throws IOException;

    /**
     * Estimates how many bytes this reporter's files of one run will take, asked before the run starts (only when
     * the run writes files), so that a run whose files would exceed the engine's output limit
     * ({@code engine.maxOutputBytes}) is refused up front with the reporter named, instead of filling the disk.
     * An estimate, not a promise: base it on the records the run streams.
     * The default, 0, suits a reporter whose files do not grow with the run's length.
     *
     * @param run      the run (its configuration with the resolved duration, scenario, platform)
     * @param requests an upper bound of the requests the run releases ({@link #open}'s session sees at most as many
     *                 {@link ReportSession#onRequest} calls)
     * @param blocks   an estimate of the blocks it executes (each request's layers as blocks of one layer: a
     *                 scheduler that runs several layers per block executes fewer)
     * @return the estimated bytes, &gt;= 0
     * @since 1.5
     */
    default long estimatedBytes(RunInfo run, long requests, long blocks) {
        return 0;
    }

    /**
     * Writes this reporter's files about a comparison: several finished runs (schedulers x scenarios x platforms)
     * judged against a baseline scheduler, e.g. a {@code compare.html} with bar charts. Called by the command line's
     * {@code compare} (and any other front end) once all runs are done, for each reporter the user selected.
     * The default writes nothing: a reporter that only knows single runs need not implement it.
     *
     * @param runs     the results, in the order the front end ran them (not empty)
     * @param baseline id of the scheduler the others are compared with (may match none of the runs)
     * @param dir      directory for the comparison's files (exists)
     * @throws IOException if a file cannot be written
     * @since 1.1
     */
    default void writeComparison(List<RunResult> runs, String baseline, Path dir) throws IOException {
    }

    /**
     * Writes this reporter's comparison files when some runs of the comparison failed: front ends call this one
     * (not {@link #writeComparison(List, String, Path)}) so a reporter can mark the failed runs, naming scheduler,
     * scenario, platform, seed and reason. The default passes the finished runs to
     * {@link #writeComparison(List, String, Path)} and writes nothing when none finished.
     *
     * @param runs     the finished runs, in the order the front end ran them (may be empty)
     * @param failures the failed runs, in the same order (may be empty)
     * @param baseline id of the scheduler the others are compared with
     * @param dir      directory for the comparison's files (exists)
     * @throws IOException if a file cannot be written
     * @since 1.4
     */
    default void writeComparison(List<RunResult> runs, List<RunFailure> failures, String baseline, Path dir)
            throws IOException {
        if (!runs.isEmpty()) {
            writeComparison(runs, baseline, dir);
        }
    }
}
