package org.rtmmlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;

/**
 * {@code fig5GridSeconds} and {@code fig5GridAnalyticSeconds}: the XRBench paper's Figure 5 grid, the 7 usage
 * scenarios x the 26 {@code xrbench/} settings with {@code xrbench-greedy} in the compatibility mode (700 ms each), as
 * one {@code compare} runs it: on every core ({@code compare}'s default {@code --jobs}), no output files. Each
 * operation starts from new plugin instances and a new {@link Evaluator}, so it prices every (layer, accelerator)
 * and builds every cost table (cold caches) as a fresh process would; the bundled data files stay parsed.
 * {@code costs=table} replays the shipped MAESTRO tables; {@code costs=analytic} runs the analytic twins of the 26
 * settings ({@link AnalyticTwins}), pricing every layer from its shape.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Fig5GridBenchmark {

    /** {@code table} or {@code analytic}. */
    @Param({"table", "analytic"})
    public String costs;

    private final List<String> platforms = new ArrayList<>();
    private Path twins;
    private ExecutorService pool;
    private PluginCatalog catalog;

    /** Lists the platforms (writes the twins' files). */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> ids = Lab.xrbenchPlatforms();
        if (costs.equals("analytic")) {
            List<Platform> table = new ArrayList<>();
            ids.forEach(id -> table.add(Lab.catalog().platform(id)));
            twins = Files.createTempDirectory("rtmm-bench-twins");
            AnalyticTwins.write(twins, table).forEach(f -> platforms.add(f.toString()));
        } else {
            platforms.addAll(ids);
        }
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    }

    /** Removes the twins' files. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pool.shutdownNow();
        if (twins != null) {
            try (var files = Files.list(twins)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(twins);
        }
    }

    /** New plugin instances before each grid, outside the timing: their kept prices are cold. */
    @Setup(Level.Invocation)
    public void freshPlugins() {
        catalog = Lab.freshCatalog();
    }

    /** The whole grid; @return the sum of the runs' scores (consumed by JMH) */
    @Benchmark
    public double grid() throws Exception {
        Evaluator evaluator = new Evaluator(catalog);
        List<Future<Double>> runs = new ArrayList<>();
        for (String scenario : Lab.FIG5_SCENARIOS) {
            for (String platform : platforms) {
                RunConfig c = RunConfig.of(scenario, platform, "xrbench-greedy", 1).withXrbenchCompat(true);
                runs.add(pool.submit(() -> evaluator.run(c, null, null).metric("xrbench.score")));
            }
        }
        double sum = 0;
        for (Future<Double> f : runs) {
            sum += f.get();
        }
        return sum;
    }

    /** @return the runs of one grid */
    static int cells() {
        return Lab.FIG5_SCENARIOS.size() * Lab.xrbenchPlatforms().size();
    }
}
