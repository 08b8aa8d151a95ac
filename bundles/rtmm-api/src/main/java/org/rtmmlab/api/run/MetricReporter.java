package org.rtmmlab.api.run;

import java.io.IOException;
import java.nio.file.Path;
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
}
