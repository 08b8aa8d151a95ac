package org.rtmmlab.report.trace;

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
 * Reporter {@code trace}: writes {@code trace.json}, a Chrome Trace Event file that opens in Perfetto
 * (ui.perfetto.dev) and chrome://tracing. One process per accelerator (a complete event per executed block, a
 * utilisation counter), one process {@code requests} with a thread per task (arrival, drop and deadline-miss
 * instants, the queue-length counter) and flow arrows from each upstream frame to the cascaded request it
 * triggered. See {@link TraceSession} for the event layout. The file is streamed: memory stays bounded by the
 * requests in flight, not by the length of the run. Writes nothing when there is no output directory; adds no
 * metrics.
 */
@Component(service = MetricReporter.class)
@ServiceProvider(value = MetricReporter.class, resolution = Resolution.OPTIONAL)
public final class TraceReporter implements MetricReporter {

    /** Reporter id. */
    public static final String ID = "trace";

    /** File written into the output directory. */
    public static final String FILE = "trace.json";

    /** Creates the (stateless) reporter. */
    public TraceReporter() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "trace.json: Chrome trace events of the run for Perfetto / chrome://tracing";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) throws IOException {
        if (outputDir == null) {
            return result -> Map.of();
        }
        return TraceSession.open(run, outputDir.resolve(FILE));
    }
}
