package org.rtmmlab.report.json;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunInfo;

/**
 * Reporter {@code csv}: streams one row per request to {@code requests.csv} and one row per executed block to
 * {@code blocks.csv} (long format, Apache Commons CSV, RFC 4180 quoting, {@code \n} line ends) as records arrive;
 * closes both at the end of the run. Times in ms with 6 decimals, energies in mJ with 9 decimals, empty cells for
 * times that never happened. See {@link CsvSession} for the columns. Writes nothing when there is no output
 * directory; adds no metrics.
 */
@Component(service = MetricReporter.class)
@ServiceProvider(value = MetricReporter.class, resolution = Resolution.OPTIONAL)
public final class CsvReporter implements MetricReporter {

    /** Reporter id. */
    public static final String ID = "csv";

    /** Creates the (stateless) reporter. */
    public CsvReporter() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "requests.csv (one row per frame) and blocks.csv (one row per executed block)";
    }

    /** @return about one row per request and one per block, each at its widest for this run ({@link CsvSession}) */
    @Override
    public long estimatedBytes(RunInfo run, long requests, long blocks) {
        return CsvSession.estimatedBytes(run, requests, blocks);
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) throws IOException {
        if (outputDir == null) {
            return result -> Map.of();
        }
        return CsvSession.open(run, outputDir);
    }
}
