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
     * Bytes per executed block and per request of each format, upper figures of real runs (a block is a slice with
     * its arguments plus the lane's utilisation counter updates; a request an arrival instant, queue counters and at
     * most a flow arrow), rounded up from VR_gaming / Dual_4K, edf with one-layer blocks, 2 s (331 requests, 32,760
     * blocks: the estimate is 1.40x the Perfetto file and 1.37x both files; {@code TraceEstimateTest} keeps it
     * between 1x and 3x).
     */
    static final long PERFETTO_BLOCK_BYTES = 160;
    static final long PERFETTO_REQUEST_BYTES = 120;
    static final long JSON_BLOCK_BYTES = 420;
    static final long JSON_REQUEST_BYTES = 360;
    /** Track descriptors, interned names and closing packets: a fixed allowance per file. */
    static final long FILE_BYTES = 64 * 1024;

    /**
     * Estimates the trace file(s): each format's bytes per block and per request, scaled by the share of the run the
     * window covers, each file at most its size cap.
     */
    @Override
    public long estimatedBytes(RunInfo run, long requests, long blocks) {
        TraceOptions options = TraceOptions.parse(run.config().properties());
        long durationNs = Math.max(1, run.config().durationNs());
        long from = Math.min(options.fromNs(), durationNs);
        long to = Math.min(options.toNs(), durationNs);
        double share = to <= from ? 0 : (double) (to - from) / durationNs;
        long total = 0;
        if (options.perfetto()) {
            total = saturatedAdd(total, file(share, requests, blocks, PERFETTO_REQUEST_BYTES, PERFETTO_BLOCK_BYTES,
                    options.maxBytes()));
        }
        if (options.json()) {
            total = saturatedAdd(total, file(share, requests, blocks, JSON_REQUEST_BYTES, JSON_BLOCK_BYTES,
                    options.maxBytes()));
        }
        return total;
    }

    private static long file(double share, long requests, long blocks, long perRequest, long perBlock, long cap) {
        double bytes = FILE_BYTES + share * ((double) requests * perRequest + (double) blocks * perBlock);
        return bytes >= cap ? cap : (long) Math.min(bytes, Long.MAX_VALUE);
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
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
