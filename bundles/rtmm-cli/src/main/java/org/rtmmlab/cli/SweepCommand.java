package org.rtmmlab.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.sweep.PluginInventory;
import org.rtmmlab.sweep.ResultStore;
import org.rtmmlab.sweep.SweepCluster;
import org.rtmmlab.sweep.SweepPlan;
import org.rtmmlab.sweep.SweepPoint;
import org.rtmmlab.sweep.SweepReport;
import org.rtmmlab.sweep.SweepRunner;
import org.rtmmlab.sweep.SweepSpec;
import org.rtmmlab.sweep.SweepSpecReader;
import org.rtmmlab.sweep.SweepWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtmm sweep}: runs a sweep file's points on an embedded Hazelcast member (all cores), or on a cluster with
 * {@code --cluster FILE}; {@code --serve} only offers this machine's cores to the sweeps of a cluster. Results,
 * resume and files: bundles/rtmm-sweep/README.md.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the points of a sweep file (schedulers x scenarios x platforms x seeds ...) on an embedded "
                + "Hazelcast member or a cluster; finished points are kept, so running it again resumes.")
public class SweepCommand extends PluginCommand implements Callable<Integer> {

    /** Environment variable holding the cluster's shared secret. */
    static final String SECRET_ENV = "RTMM_SWEEP_SECRET";

    @Option(names = "--spec", paramLabel = "FILE", description = "the sweep file (format: bundles/rtmm-sweep/README.md)")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory: points/<id>/, sweep.csv, summary.json, compare.html (default: "
                    + "results/sweeps/<name of the sweep>)")
    Path out;

    @Option(names = "--cluster", paramLabel = "FILE",
            description = "Hazelcast member (root hazelcast) or client (root hazelcast-client) configuration, XML or "
                    + "YAML: run the points on that cluster's members (default: an embedded member of its own)")
    Path cluster;

    @Option(names = "--cluster-name", paramLabel = "NAME",
            description = "cluster to form or join (overrides the file's); without --cluster, members of this name "
                    + "on 127.0.0.1 join each other")
    String clusterName;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "file holding the cluster's shared secret (default: env " + SECRET_ENV + "); members "
                    + "join only a cluster with the same secret")
    Path secretFile;

    @Option(names = "--jobs", paramLabel = "N",
            description = "points this process runs at once (default: number of cores; 0: only coordinate, with "
                    + "--cluster or --cluster-name)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--serve", description = "do not run a sweep: offer --jobs cores to the sweeps of the cluster "
            + "until interrupted (needs --cluster or --cluster-name)")
    boolean serve;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Progress.Mode mode = progress.mode();
        if (jobs < 0 || jobs == 0 && cluster == null && clusterName == null) {
            throw new InvalidInputException("--jobs", "", "must be >= 1 (0 only with --cluster or --cluster-name), "
                    + "got " + jobs);
        }
        if (serve == (specFile != null)) {
            throw new InvalidInputException("--spec", "", serve ? "--serve runs no sweep: leave out --spec"
                    : "missing: give the sweep file, or --serve to only offer cores");
        }
        if (serve && cluster == null && clusterName == null) {
            throw new InvalidInputException("--serve", "", "needs --cluster FILE or --cluster-name NAME: a member "
                    + "nobody can join serves no sweep");
        }
        PrintWriter err = err();
        PrintWriter o = out();
        DefaultPluginCatalog catalog = catalog();
        SweepCluster.Options options = new SweepCluster.Options(clusterName, secret(), jobs, cluster);
        if (serve) {
            return serve(options, catalog, o);
        }
        SweepSpec sweep = SweepSpecReader.read(specFile);
        Path dir = out != null ? out : Path.of("results", "sweeps", sweep.name());
        SweepPlan plan = SweepPlan.build(sweep, dir, catalog); // every id resolved before a member starts
        ResultStore store = new ResultStore(dir);
        HazelcastInstance hz = SweepCluster.start(options, new SweepWorker(catalog));
        long start = System.nanoTime();
        SweepRunner.Outcome outcome;
        Listener listener;
        try (Progress bar = Progress.create(mode, "sweep", Progress.Unit.RUNS, plan.points().size(), err)) {
            outcome = new SweepRunner(hz, PluginInventory.of(catalog), store, listener = new Listener(bar, err, start))
                    .run(plan);
        } finally {
            hz.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int aggregated = SweepReport.write(plan, store, outcome.failed(), dir, catalog, w -> err.println("warning: "
                + w));
        printTable(dir.resolve(SweepReport.SUMMARY), o);
        o.println(plan.points().size() + " points: " + outcome.ran() + " ran now, " + outcome.skipped()
                + " already done, " + outcome.failed().size() + " failed; " + Format.fixed(outcome.ran() / seconds, 1)
                + " points/s over " + Format.fixed(seconds, 1) + " s; " + aggregated + " in " + dir.resolve(
                SweepReport.CSV) + ", " + SweepReport.SUMMARY + ", compare.html");
        if (!listener.perMember.isEmpty()) {
            StringBuilder members = new StringBuilder("points per member:");
            listener.perMember.forEach((m, n) -> members.append(' ').append(m).append(' ').append(n));
            o.println(members);
        }
        return outcome.failed().isEmpty() ? 0 : 1;
    }

    private int serve(SweepCluster.Options options, DefaultPluginCatalog catalog, PrintWriter o)
            throws InterruptedException {
        HazelcastInstance hz = SweepCluster.start(options, new SweepWorker(catalog));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            hz.shutdown();
            stopped.countDown();
        }, "rtmm-sweep-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        o.println("member " + hz.getCluster().getLocalMember().getAddress() + " of cluster "
                + hz.getConfig().getClusterName() + " offers " + jobs + " cores to sweeps; Ctrl-C to leave");
        o.flush();
        stopped.await();
        return 0;
    }

    private String secret() {
        try {
            if (secretFile != null) {
                return Files.readString(secretFile, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new InvalidInputException("--secret-file", secretFile.toString(), "cannot read: " + e.getMessage());
        }
        String env = System.getenv(SECRET_ENV);
        return env == null || env.isBlank() ? null : env.strip();
    }

    /** Geometric means per scheduler, read back from the sweep's summary.json. */
    private static void printTable(Path summary, PrintWriter o) throws IOException {
        JsonObject s = JsonParser.parseString(Files.readString(summary, StandardCharsets.UTF_8)).getAsJsonObject();
        TextTable t = new TextTable(1, "scheduler", "points", "score (geomean)", "UXCost (geomean)", "miss (geomean)",
                "energy mJ (geomean)");
        for (Map.Entry<String, JsonElement> e : s.getAsJsonObject("geomeanPerScheduler").entrySet()) {
            JsonObject f = e.getValue().getAsJsonObject();
            t.row(e.getKey(), f.getAsJsonObject("xrbench.score").get("n").getAsInt()
                    + f.getAsJsonObject("xrbench.score").get("zeroOrMissing").getAsInt(), g(f, "xrbench.score", 3),
                    g(f, "uxcost", 4), g(f, "missRate", 4), g(f, "energyMj", 1));
        }
        t.lines().forEach(o::println);
    }

    private static String g(JsonObject figures, String name, int digits) {
        JsonElement v = figures.getAsJsonObject(name).get("geomean");
        return v == null || v.isJsonNull() ? "-" : Format.fixed(v.getAsDouble(), digits);
    }

    /** Steps the progress display: points done (earlier ones included), failed, rate of this run, ETA. */
    private static final class Listener implements SweepRunner.Listener {
        private final Progress bar;
        private final PrintWriter err;
        private final long startNs;
        private int total;
        private int done;
        private int ranNow;
        private int failed;
        private final Map<String, Integer> perMember = new java.util.TreeMap<>();

        Listener(Progress bar, PrintWriter err, long startNs) {
            this.bar = bar;
            this.err = err;
            this.startNs = startNs;
        }

        @Override
        public void started(int t, int d) {
            total = t;
            done = d;
            bar.stepTo(done);
        }

        @Override
        public void pointDone(SweepPoint point, String member) {
            done++;
            ranNow++;
            perMember.merge(member, 1, Integer::sum);
            step();
        }

        @Override
        public void pointFailed(SweepPoint point, String error) {
            failed++;
            err.println("error: point " + point.id() + " " + point.dimensions() + " failed: " + Main.oneLine(error));
            step();
        }

        @Override
        public void warning(String line) {
            err.println("warning: " + Main.oneLine(line));
        }

        private void step() {
            double s = (System.nanoTime() - startNs) / 1e9;
            double rate = ranNow / Math.max(s, 1e-9);
            int left = total - done - failed;
            bar.message(failed + " failed, " + Format.fixed(rate, 1) + " points/s, ETA "
                    + (rate > 0 ? eta(left / rate) : "?"));
            bar.stepTo(done + failed);
        }

        private static String eta(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
        }
    }
}
