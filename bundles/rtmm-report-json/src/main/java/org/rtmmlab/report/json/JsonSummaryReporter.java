package org.rtmmlab.report.json;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * Reporter {@code json}: writes {@code summary.json} (the {@link SummaryJson} document) into the run's output
 * directory when the run finishes, with the scheduler swaps the session saw ({@code swaps}), streamed member by
 * member ({@link SummaryJson#write}) so that the file's size, which grows with the run's length through the
 * per-window metrics, costs no memory beyond the result itself. Writes nothing when there is no output directory;
 * adds no metrics.
 */
@Component(service = MetricReporter.class)
@ServiceProvider(value = MetricReporter.class, resolution = Resolution.OPTIONAL)
public final class JsonSummaryReporter implements MetricReporter {

    /** Reporter id. */
    public static final String ID = "json";

    /** File written into the output directory. */
    public static final String FILE = "summary.json";

    /** Creates the (stateless) reporter. */
    public JsonSummaryReporter() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "summary.json: configuration, frame counts, energy and metrics of the run and of each task";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        if (outputDir == null) {
            return result -> Map.of();
        }
        return new Session(outputDir.resolve(FILE));
    }

    /** Collects the run's scheduler swaps (few) and writes the summary at the end. */
    private static final class Session implements ReportSession {
        private final Path file;
        private final List<SchedulerSwap> swaps = new ArrayList<>();

        Session(Path file) {
            this.file = file;
        }

        @Override
        public void onSwap(SchedulerSwap swap) {
            swaps.add(swap);
        }

        @Override
        public Map<String, Double> finish(RunResult result) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SummaryJson.write(result, swaps, out); // streamed: no copy of a long run's window metrics
            }
            return Map.of();
        }
    }
}
