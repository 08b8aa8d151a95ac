package @PACKAGE@;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;

/**
 * Reporter {@code @NAME@}: per model, how its requests ended and its latency percentiles, written to
 * {@code @NAME@.csv} in the run directory (columns {@code model,released,onTime,late,dropped,inFlight,p50Ms,p95Ms};
 * models sorted by id; percentiles by nearest rank over completed requests, empty when none completed), and the
 * run-level figure {@code @NAME@.p95.ms} (over every completed request). Select it with {@code --report @NAME@}.
 */
@Component(service = MetricReporter.class)
@ServiceProvider(value = MetricReporter.class, resolution = Resolution.OPTIONAL)
public final class @CLASS@ implements MetricReporter {

    /** Reporter id: {@code --report @NAME@}. */
    public static final String ID = "@NAME@";

    /** Creates the (stateless) reporter. */
    public @CLASS@() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "per-model outcomes and latency percentiles (" + ID + ".csv)";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        return new Session(outputDir);
    }

    /** One run: counts and latencies per model, written when the run finishes. */
    private static final class Session implements ReportSession {
        private final Path outputDir;
        private final Map<String, long[]> counts = new TreeMap<>(); // released, onTime, late, dropped, inFlight
        private final Map<String, List<Long>> latencies = new TreeMap<>();
        private final List<Long> all = new ArrayList<>();

        Session(Path outputDir) {
            this.outputDir = outputDir;
        }

        @Override
        public void onRequest(RequestRecord r) {
            long[] c = counts.computeIfAbsent(r.model(), m -> new long[5]);
            c[0]++;
            switch (r.outcome()) {
                case ON_TIME -> c[1]++;
                case LATE -> c[2]++;
                case DROPPED -> c[3]++;
                case IN_FLIGHT -> c[4]++;
                default -> throw new IllegalStateException("unknown outcome " + r.outcome());
            }
            if (r.latencyNs() >= 0) {
                latencies.computeIfAbsent(r.model(), m -> new ArrayList<>()).add(r.latencyNs());
                all.add(r.latencyNs());
            }
        }

        @Override
        public Map<String, Double> finish(RunResult result) throws IOException {
            if (outputDir != null) {
                StringBuilder csv = new StringBuilder("model,released,onTime,late,dropped,inFlight,p50Ms,p95Ms\n");
                for (Map.Entry<String, long[]> e : counts.entrySet()) {
                    long[] c = e.getValue();
                    List<Long> l = latencies.getOrDefault(e.getKey(), List.of());
                    csv.append(e.getKey()).append(',').append(c[0]).append(',').append(c[1]).append(',')
                            .append(c[2]).append(',').append(c[3]).append(',').append(c[4]).append(',')
                            .append(ms(percentile(l, 50))).append(',').append(ms(percentile(l, 95))).append('\n');
                }
                Files.writeString(outputDir.resolve(ID + ".csv"), csv, StandardCharsets.UTF_8);
            }
            long p95 = percentile(all, 95);
            return p95 < 0 ? Map.of() : Map.of(ID + ".p95.ms", p95 / 1e6);
        }
    }

    /** @return the nearest-rank {@code p}-th percentile of {@code values}, or -1 if empty */
    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static String ms(long ns) {
        return ns < 0 ? "" : String.format(Locale.ROOT, "%.3f", ns / 1e6);
    }
}
