package org.rtmmlab.report.trace;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * Reporter {@code trace}: the run's timeline for the Perfetto UI (ui.perfetto.dev) and trace_processor. By default
 * {@value TraceOptions#PERFETTO_FILE}, Perfetto's protobuf trace format ({@link PerfettoSession}); with the run
 * property {@value TraceOptions#FORMAT}{@code =json} (or {@code both}) the Chrome Trace Event file
 * {@value TraceOptions#JSON_FILE} ({@link TraceSession}, also for chrome://tracing). The run properties
 * {@value TraceOptions#WINDOW}{@code =FROM..TO} and {@value TraceOptions#MAX_BYTES} limit what is written
 * ({@link TraceOptions}). One track per accelerator lane (a slice per executed block, a utilisation counter), one
 * per task (arrival, drop and deadline-miss instants), queue-length counters and flow arrows from each upstream
 * frame to the cascaded request it triggered. Both files are streamed: memory stays bounded by the requests in
 * flight, not by the length of the run. Writes nothing when there is no output directory; adds no metrics.
 */
@Component(service = MetricReporter.class)
@ServiceProvider(value = MetricReporter.class, resolution = Resolution.OPTIONAL)
public final class TraceReporter implements MetricReporter {

    /** Reporter id. */
    public static final String ID = "trace";

    /** Chrome Trace Event JSON file ({@value TraceOptions#FORMAT}{@code =json}). */
    public static final String FILE = TraceOptions.JSON_FILE;

    /** Perfetto protobuf trace file (the default format). */
    public static final String PERFETTO_FILE = TraceOptions.PERFETTO_FILE;

    /** Creates the (stateless) reporter. */
    public TraceReporter() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "trace.perfetto-trace (or trace.json): the run's timeline for ui.perfetto.dev; run properties "
                + "report.trace.window=FROM..TO, report.trace.maxBytes, report.trace.format=perfetto|json|both";
    }

    /**
     * @throws org.rtmmlab.api.InvalidInputException for a bad {@code report.trace.*} run property (before any file
     *                                               is created)
     */
    @Override
    public ReportSession open(RunInfo run, Path outputDir) throws IOException {
        TraceOptions options = run == null ? TraceOptions.DEFAULTS : TraceOptions.parse(run.config().properties());
        if (outputDir == null) {
            return result -> Map.of();
        }
        ReportSession perfetto = options.perfetto()
                ? PerfettoSession.open(run, outputDir.resolve(PERFETTO_FILE), options) : null;
        ReportSession json;
        try {
            json = options.json() ? TraceSession.open(run, outputDir.resolve(FILE), options) : null;
        } catch (IOException | RuntimeException e) {
            if (perfetto != null) {
                perfetto.abort();
            }
            throw e;
        }
        if (json == null) {
            return perfetto;
        }
        return perfetto == null ? json : new Both(perfetto, json);
    }

    /** Both formats of one run. */
    private record Both(ReportSession perfetto, ReportSession json) implements ReportSession {
        @Override
        public void onBlock(BlockRecord block) throws IOException {
            perfetto.onBlock(block);
            json.onBlock(block);
        }

        @Override
        public void onRequest(RequestRecord request) throws IOException {
            perfetto.onRequest(request);
            json.onRequest(request);
        }

        @Override
        public void onSwap(SchedulerSwap swap) throws IOException {
            perfetto.onSwap(swap);
            json.onSwap(swap);
        }

        @Override
        public Map<String, Double> finish(RunResult result) throws IOException {
            try {
                perfetto.finish(result);
            } finally {
                json.finish(result);
            }
            return Map.of();
        }

        @Override
        public void abort() {
            perfetto.abort();
            json.abort();
        }
    }
}
