package org.rtmmlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtmm compare}: every scheduler on every scenario and platform, with the XRBench score, UXCost (when the
 * runs carry it), miss rate and energy of each run, the change versus a baseline scheduler and geometric means per
 * scheduler ({@link ComparisonTables}). Runs execute in parallel; output order and content do not depend on it.
 * Each run writes its files under {@code --out}; then every reporter selected with {@code --report} writes its
 * comparison files there too ({@link MetricReporter#writeComparison}, e.g. {@code compare.html} from {@code html});
 * {@code --csv FILE} writes the long-format CSV. Progress goes to standard error.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare schedulers over scenarios x platforms (one run per cell, files per run under --out).")
public class CompareCommand implements Callable<Integer> {

    /** The XRBench usage scenarios (the probability sweeps are left out of the default). */
    static final List<String> DEFAULT_SCENARIOS = List.of("xrbench/AR_Assistant", "xrbench/AR_gaming",
            "xrbench/VR_gaming", "xrbench/outdoor_activity_A", "xrbench/outdoor_activity_B",
            "xrbench/social_interactionA", "xrbench/social_interactionB");
    /** One single, one dual heterogeneous and one quad heterogeneous XRBench platform. */
    static final List<String> DEFAULT_PLATFORMS = List.of("xrbench/Single_4K__WS", "xrbench/Dual_4K__WS_OS",
            "xrbench/Quad_8K__WS_OS_WS_OS");
    static final List<String> DEFAULT_SCHEDULERS = List.of("xrbench-greedy", "fcfs", "edf");

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions pluginOptions;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--scenarios", split = ",", paramLabel = "ID", description = "scenario ids (default: the 7 XRBench usage scenarios)")
    List<String> scenarios = new ArrayList<>(DEFAULT_SCENARIOS);

    @Option(names = "--platforms", split = ",", paramLabel = "ID",
            description = "platform ids (default: xrbench/Single_4K__WS, xrbench/Dual_4K__WS_OS, xrbench/Quad_8K__WS_OS_WS_OS)")
    List<String> platforms = new ArrayList<>(DEFAULT_PLATFORMS);

    @Option(names = "--schedulers", split = ",", paramLabel = "ID", description = "scheduler ids (default: xrbench-greedy, fcfs, edf)")
    List<String> schedulers = new ArrayList<>(DEFAULT_SCHEDULERS);

    @Option(names = "--baseline", paramLabel = "ID", description = "scheduler the others are compared with (default: the first)")
    String baseline;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/compare",
            description = "root of the per-run output directories (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "runs in parallel (default: number of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "print a JSON list of run documents instead of a table")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "also write the comparison as long-format CSV (one row per run and figure) to FILE")
    Path csv;

    @Override
    public Integer call() throws InterruptedException, IOException {
        runOptions.validate();
        String base = baseline == null ? schedulers.get(0) : baseline;
        if (!schedulers.contains(base)) {
            throw new InvalidInputException("--baseline", "", "'" + base + "' is not among --schedulers " + schedulers);
        }
        if (jobs < 1) {
            throw new InvalidInputException("--jobs", "", "must be >= 1, got " + jobs);
        }
        var err = spec.commandLine().getErr();
        PluginCatalog catalog = pluginOptions.catalog(w -> err.println("warning: " + w));
        List<MetricReporter> reporters = new ArrayList<>();
        for (String id : runOptions.reporters) {
            reporters.add(catalog.reporter(id)); // unknown ids fail before any run
        }
        Evaluator evaluator = new Evaluator(catalog);
        List<RunConfig> configs = new ArrayList<>();
        for (String sc : scenarios) {
            for (String pl : platforms) {
                for (String sch : schedulers) {
                    configs.add(new RunConfig(sc, pl, sch, runOptions.seed, runOptions.duration(),
                            runOptions.xrbenchCompat, runOptions.properties, runOptions.reporters));
                }
            }
        }
        List<RunResult> results;
        try (Progress progress = Progress.create(runOptions.progressMode(), "compare", Progress.Unit.RUNS,
                configs.size(), err)) {
            results = runAll(evaluator, configs, err, progress);
        }
        writeComparisons(reporters, results, base, err);
        if (csv != null) {
            ComparisonTables.writeCsv(results, base, csv);
        }
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(ResultJson.text(ResultJson.of(results)));
        } else {
            ComparisonTables.lines(results, base).forEach(o::println);
            o.println(results.size() + " runs; files under " + out + (csv != null ? "; CSV in " + csv : ""));
        }
        return 0;
    }

    /** Lets each selected reporter write its comparison files into {@code --out}; a failure costs a warning. */
    private void writeComparisons(List<MetricReporter> reporters, List<RunResult> results, String base,
                                  java.io.PrintWriter err) throws IOException {
        Files.createDirectories(out);
        for (MetricReporter r : reporters) {
            try {
                r.writeComparison(results, base, out);
            } catch (IOException | RuntimeException | LinkageError e) {
                err.println("warning: reporter '" + r.id() + "' failed in writeComparison: " + e);
            }
        }
    }

    private List<RunResult> runAll(Evaluator evaluator, List<RunConfig> configs, java.io.PrintWriter err,
                                   Progress progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, configs.size()));
        AtomicLong done = new AtomicLong();
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunConfig c : configs) {
                futures.add(pool.submit(() -> {
                    RunResult r = evaluator.run(c, OutputDirs.forRun(out, c), w -> err.println("warning: " + w));
                    progress.stepTo(done.incrementAndGet());
                    return r;
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
