package org.rtmmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rtmmlab.api.InvalidInputException;
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
 * {@code rtmm compare}: every scheduler on every scenario and platform, with the XRBench score, miss rate and energy
 * of each run and the change versus a baseline scheduler. Runs execute in parallel; output order and content do
 * not depend on it.
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

    @Override
    public Integer call() throws InterruptedException {
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
        List<RunResult> results = runAll(evaluator, configs, err);
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(ResultJson.text(ResultJson.of(results)));
        } else {
            table(results, base).forEach(o::println);
            o.println(results.size() + " runs; files under " + out);
        }
        return 0;
    }

    private List<RunResult> runAll(Evaluator evaluator, List<RunConfig> configs, java.io.PrintWriter err)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, configs.size()));
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (RunConfig c : configs) {
                futures.add(pool.submit(() -> evaluator.run(c, OutputDirs.forRun(out, c),
                        w -> err.println("warning: " + w))));
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

    /** @return the comparison table, then the geometric mean of the XRBench score per scheduler */
    static List<String> table(List<RunResult> results, String base) {
        Map<String, RunResult> baseRuns = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.config().scheduler().equals(base)) {
                baseRuns.put(r.config().scenario() + "|" + r.config().platform(), r);
            }
        }
        TextTable t = new TextTable(3, "scenario", "platform", "scheduler", "score", "vs " + base, "miss", "energy mJ",
                "energy vs " + base);
        Map<String, double[]> logSum = new LinkedHashMap<>();
        for (RunResult r : results) {
            RunResult b = baseRuns.get(r.config().scenario() + "|" + r.config().platform());
            double score = r.metric("xrbench.score");
            double dScore = b == null ? Double.NaN : (score - b.metric("xrbench.score")) / b.metric("xrbench.score");
            double dEnergy = b == null ? Double.NaN : (r.energyMj() - b.energyMj()) / b.energyMj();
            t.row(r.config().scenario(), r.config().platform(), r.config().scheduler(), Format.fixed(score, 3),
                    Format.signedPercent(dScore), Format.percent(r.frames().missRate()), Format.fixed(r.energyMj(), 1),
                    Format.signedPercent(dEnergy));
            double[] acc = logSum.computeIfAbsent(r.config().scheduler(), k -> new double[2]);
            acc[0] += Math.log(Math.max(score, 1e-9));
            acc[1]++;
        }
        List<String> lines = new ArrayList<>(t.lines());
        lines.add("");
        TextTable g = new TextTable(1, "scheduler", "geomean score", "runs");
        logSum.forEach((k, v) -> g.row(k, Format.fixed(Math.exp(v[0] / v[1]), 3), (long) v[1]));
        lines.addAll(g.lines());
        return lines;
    }
}
