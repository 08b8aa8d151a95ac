package org.rtmmlab.report.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * Real simulations for the tests and the bench: the engine with the plugins on the test classpath, plus a
 * {@code trace-probe} reporter that opens a {@link TraceSession} the caller can inspect and counts block records.
 */
final class SimRuns {

    /** Probe reporter id. */
    static final String PROBE = "trace-probe";

    /** What the probe saw of one run. */
    static final class Probe implements MetricReporter {
        TraceSession session;
        long blockRecords;

        @Override
        public String id() {
            return PROBE;
        }

        @Override
        public String description() {
            return "test probe around the trace reporter";
        }

        @Override
        public ReportSession open(RunInfo run, Path outputDir) throws IOException {
            // always the JSON session, whatever report.trace.format says: the probe's tests read trace.json
            session = TraceSession.open(run, outputDir.resolve(TraceReporter.FILE),
                    TraceOptions.parse(run.config().properties()));
            return new ReportSession() {
                @Override
                public void onBlock(BlockRecord block) throws IOException {
                    blockRecords++;
                    session.onBlock(block);
                }

                @Override
                public void onRequest(RequestRecord request) throws IOException {
                    session.onRequest(request);
                }

                @Override
                public Map<String, Double> finish(RunResult result) throws IOException {
                    return session.finish(result);
                }
            };
        }
    }

    /** Perfetto probe reporter id. */
    static final String PERFETTO_PROBE = "perfetto-probe";

    /** What the Perfetto probe saw of one run: its session, for the memory figures. */
    static final class PerfettoProbe implements MetricReporter {
        PerfettoSession session;

        @Override
        public String id() {
            return PERFETTO_PROBE;
        }

        @Override
        public String description() {
            return "test probe around the Perfetto trace session";
        }

        @Override
        public ReportSession open(RunInfo run, Path outputDir) throws IOException {
            session = PerfettoSession.open(run, outputDir.resolve(TraceReporter.PERFETTO_FILE),
                    TraceOptions.parse(run.config().properties()));
            return session;
        }
    }

    private SimRuns() {
    }

    /** @return a catalog of the plugins on the test classpath plus the probes */
    static PluginCatalog catalog(Probe probe, PerfettoProbe perfetto) {
        List<String> errors = new ArrayList<>();
        DefaultPluginCatalog c = ServiceLoaderCatalog.load(SimRuns.class.getClassLoader(), errors::add);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("; ", errors));
        }
        c.add(new PluginDescriptor(PluginKind.REPORTER, PROBE, probe.description(), "test", "0", probe));
        c.add(new PluginDescriptor(PluginKind.REPORTER, PERFETTO_PROBE, perfetto.description(), "test", "0",
                perfetto));
        return c;
    }

    /** Runs {@code scenario} on {@code platform} with {@code scheduler} for {@code durationNs}, writing into dir. */
    static RunResult run(Probe probe, String scenario, String platform, String scheduler, long durationNs,
                         Map<String, String> properties, List<String> reporters, Path dir) {
        return run(probe, new PerfettoProbe(), scenario, platform, scheduler, durationNs, properties, reporters, dir);
    }

    /** The same with a Perfetto probe too. */
    static RunResult run(Probe probe, PerfettoProbe perfetto, String scenario, String platform, String scheduler,
                         long durationNs, Map<String, String> properties, List<String> reporters, Path dir) {
        RunConfig config = new RunConfig(scenario, platform, scheduler, 7, durationNs, false, properties, reporters);
        List<String> warnings = new ArrayList<>();
        RunResult r = new Evaluator(catalog(probe, perfetto)).run(config, dir, warnings::add);
        if (!warnings.isEmpty()) {
            throw new IllegalStateException("warnings: " + warnings);
        }
        return r;
    }
}
