package org.rtmmlab.report.html;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;

/**
 * Reporter {@code html}: a self-contained {@code report.html} per run (summary, per-model table, latency CDF,
 * deadline-miss and drop rates, energy per accelerator, utilisation over time, schedule excerpt) and, for a
 * comparison, {@code compare.html} (XRBench score, UXCost when present and energy per scheduler, scenario and
 * platform, with the change versus the baseline). Charts are inline SVG; the files need no network to view.
 * Memory per run is bounded (see {@link RunDigest}). Writes nothing when there is no output directory; adds no
 * metrics.
 */
@Component(service = MetricReporter.class)
@ServiceProvider(value = MetricReporter.class, resolution = Resolution.OPTIONAL)
public final class HtmlReporter implements MetricReporter {

    /** Reporter id. */
    public static final String ID = "html";

    /** Per-run file. */
    public static final String FILE = "report.html";

    /** Comparison file. */
    public static final String COMPARE_FILE = "compare.html";

    /** Creates the (stateless) reporter. */
    public HtmlReporter() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "report.html (per run) and compare.html (per comparison): tables and inline SVG charts";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        if (outputDir == null) {
            return result -> Map.of();
        }
        return new HtmlSession(run, outputDir.resolve(FILE));
    }

    @Override
    public void writeComparison(List<RunResult> runs, String baseline, Path dir) throws IOException {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("html: a comparison needs at least one run");
        }
        Files.writeString(dir.resolve(COMPARE_FILE), ComparisonPage.render(runs, baseline), StandardCharsets.UTF_8);
    }

    /** Writes {@code compare.html} with a table of the failed runs first (scheduler, scenario, platform, seed, why). */
    @Override
    public void writeComparison(List<RunResult> runs, List<org.rtmmlab.api.run.RunFailure> failures, String baseline,
                                Path dir) throws IOException {
        if (runs.isEmpty() && failures.isEmpty()) {
            throw new IllegalArgumentException("html: a comparison needs at least one run");
        }
        Files.writeString(dir.resolve(COMPARE_FILE), ComparisonPage.render(runs, failures, baseline),
                StandardCharsets.UTF_8);
    }
}
