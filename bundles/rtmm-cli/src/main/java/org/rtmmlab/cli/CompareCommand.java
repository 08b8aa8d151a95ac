package org.rtmmlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunFailure;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.OutputFolder;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.report.json.ResultJson;
import org.rtmmlab.shell.options.CompareSelection;
import org.rtmmlab.shell.options.SeedList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtmm compare}: every scheduler on every scenario and platform, with the XRBench score, UXCost (when the
 * runs carry it), miss rate and energy of each run, the change versus a baseline scheduler and geometric means per
 * scheduler ({@link ComparisonTables}). Runs execute in parallel; output order and content do not depend on it.
 * Each run writes its files under {@code --out}; then every reporter selected with {@code --report} writes its
 * comparison files there too ({@link MetricReporter#writeComparison}, e.g. {@code compare.html} from {@code html});
 * {@code --csv FILE} writes the long-format CSV. Progress goes to standard error. {@code --seeds 1..5} runs every
 * cell once per seed and the table shows means with 95% intervals; {@code --json} and {@code --csv} keep one
 * document (rows) per run, with its seed.
 *
 * <p>Every scenario, platform and scheduler id (and reporter) is resolved before the first run, and each list must
 * not repeat an id, so a bad command line writes nothing. A {@code --set key=value} scheduler property goes only to
 * the selected schedulers that declare the key ({@link SchedulerPolicy#defaultProperties()}; {@code engine.*}
 * properties go to every run), so a run's {@code config.json} records what applied to it; a key that no selected
 * scheduler declares is an error.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare schedulers over scenarios x platforms (one run per cell, files per run under --out).")
public class CompareCommand extends PluginCommand implements Callable<Integer> {

    /** Prefix of the engine's own properties, which apply to every run. */
    static final String ENGINE_PREFIX = "engine.";

    @Mixin
    RunOptions runOptions;

    @Mixin
    CompareSelection selection;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/compare",
            description = "root of the per-run output directories (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "runs in parallel (default: number of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seeds", paramLabel = "LIST",
            description = "run every cell once per seed: a list and/or inclusive ranges, e.g. 1..5, 1,3,7 or 1..3,9 "
                    + "(at most " + SeedList.MAX + "; not with --seed). The table then shows per cell the mean +- the "
                    + "half-width of the 95%% confidence interval (Student t, n-1 degrees of freedom); changes versus "
                    + "the baseline are computed per seed, then averaged")
    String seedList;

    @Option(names = "--reduction-of", paramLabel = "ID",
            description = "also print the UXCost reduction of scheduler ID versus every other scheduler: 1 - the "
                    + "geometric mean over scenario x platform cells of ID's UXCost / the other's (per cell the mean "
                    + "over the seeds), and versus the best other scheduler of each cell; cells where a UXCost is 0 "
                    + "are left out of the geometric mean and counted")
    String reductionOf;

    @Option(names = "--uxcost-floor", paramLabel = "EPS",
            description = "also show UXCost with the violation floor EPS in [0, 1] (as engine.uxcostFloor), re-priced "
                    + "from each run's energy, E_ref and misses: the same runs, no second simulation")
    Double uxcostFloor;

    @Option(names = "--json", description = "print a JSON list of run documents instead of a table")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "also write the comparison as long-format CSV (one row per run and figure) to FILE")
    Path csv;

    @Override
    public Integer call() throws InterruptedException, IOException {
        runOptions.validate();
        List<Long> seeds = seeds();
        String base = selection.validate();
        List<String> scenarios = selection.scenarios;
        List<String> platforms = selection.platforms;
        List<String> schedulers = selection.schedulers;
        if (reductionOf != null && !schedulers.contains(reductionOf)) {
            throw new InvalidInputException("--reduction-of", "", "'" + reductionOf + "' is not among --schedulers "
                    + schedulers);
        }
        if (reductionOf != null && schedulers.size() < 2) {
            throw new InvalidInputException("--reduction-of", "", "needs at least one other scheduler in --schedulers");
        }
        if (uxcostFloor != null && !(uxcostFloor >= 0 && uxcostFloor <= 1)) {
            throw new InvalidInputException("--uxcost-floor", "", "must be in [0, 1], got " + uxcostFloor);
        }
        if (jobs < 1) {
            throw new InvalidInputException("--jobs", "", "must be >= 1, got " + jobs);
        }
        OutputFolder.check(out, "--out"); // a folder the lab did not write is refused before any run
        Path csvInTree = csv == null ? null : ComparePublishing.checkCsv(csv, out);
        var err = err();
        PluginCatalog catalog = catalog();
        List<MetricReporter> reporters = new ArrayList<>();
        for (String id : runOptions.reporters) {
            reporters.add(catalog.reporter(id)); // unknown ids fail before any run
        }
        Evaluator evaluator = new Evaluator(catalog);
        // resolve every id before the first run: a bad one fails the command before anything is written
        for (String sc : scenarios) {
            evaluator.scenario(sc);
        }
        for (String pl : platforms) {
            evaluator.platform(pl);
        }
        Map<String, SchedulerPolicy> policies = new LinkedHashMap<>();
        for (String sch : schedulers) {
            policies.put(sch, catalog.scheduler(sch));
        }
        Map<String, Map<String, String>> properties = propertiesPerScheduler(runOptions.properties, policies);
        List<RunConfig> configs = new ArrayList<>();
        for (String sc : scenarios) {
            for (String pl : platforms) {
                for (String sch : schedulers) {
                    for (long seed : seeds) {
                        configs.add(new RunConfig(sc, pl, sch, seed, runOptions.duration(),
                                runOptions.xrbenchCompat, properties.get(sch), runOptions.reporters));
                    }
                }
            }
        }
        Set<String> checked = new java.util.HashSet<>();
        for (RunConfig c : configs) { // inputs that cannot finish fail the command before the first run
            if (checked.add(c.scenario() + "|" + c.platform() + "|" + c.properties())) { // seeds do not matter
                evaluator.checkLimits(c, true);
            }
        }
        // every file of the comparison (per-run folders, compare.html, a CSV inside --out) is staged and published
        // as one unit: after any kill, --out holds either the earlier comparison or this one, whole
        Path staging = OutputFolder.stage(out, "--out", ComparePublishing.marker(configs));
        List<RunResult> results = new ArrayList<>();
        List<RunFailure> failures = new ArrayList<>();
        boolean published = false;
        try {
            try (Progress progress = Progress.create(runOptions.progressMode(), "compare", Progress.Unit.RUNS,
                    configs.size(), err)) {
                runAll(evaluator, configs, staging, err, progress, results, failures);
            }
            writeComparisons(reporters, results, failures, base, staging, err);
            if (csvInTree != null) {
                Path inStage = staging.resolve(csvInTree.toString());
                ComparisonTables.writeCsv(results, failures, base, inStage);
            }
            OutputFolder.publish(staging, out);
            published = true;
        } finally {
            if (!published) {
                OutputFolder.discard(staging);
            }
        }
        if (csv != null && csvInTree == null) {
            ComparePublishing.writeAtomically(csv, file -> ComparisonTables.writeCsv(results, failures, base,
                    file));
        }
        var o = out();
        if (json) {
            var docs = ResultJson.of(results);
            failures.forEach(f -> docs.add(ComparePublishing.failureJson(f)));
            o.println(ResultJson.text(docs));
        } else if (!results.isEmpty()) {
            double floor = uxcostFloor == null ? Double.NaN : uxcostFloor;
            ComparisonTables.lines(results, base, floor).forEach(o::println);
            if (reductionOf != null) {
                o.println();
                UxCostReduction.lines(results, reductionOf, "UXCost", r -> r.metric(ComparisonTables.UXCOST))
                        .forEach(o::println);
                if (uxcostFloor != null) {
                    o.println();
                    UxCostReduction.lines(results, reductionOf, ComparisonTables.floorLabel(floor),
                            r -> ComparisonTables.uxcost(r, floor)).forEach(o::println);
                }
            }
            o.println(results.size() + " runs; files under " + out + (csv != null ? "; CSV in " + csv : ""));
        }
        if (!failures.isEmpty()) {
            if (!json) {
                ComparePublishing.failureLines(failures).forEach(o::println);
            }
            for (RunFailure f : failures) {
                err.println("error: run " + ComparePublishing.describe(f.config()) + " failed: " + f.reason());
            }
            err.println("error: " + failures.size() + " of " + configs.size() + " runs failed; the other "
                    + results.size() + " are in " + out);
            return CommandLine.ExitCode.SOFTWARE;
        }
        return 0;
    }

    /**
     * @return the seeds of {@code --seeds}, or the one of {@code --seed} (default 1)
     * @throws InvalidInputException if both options are given, or {@code --seeds} is malformed
     */
    List<Long> seeds() {
        if (seedList == null) {
            return List.of(runOptions.seed);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            throw new InvalidInputException("--seeds", "", "cannot be combined with --seed; give one seed as --seed N "
                    + "or several as --seeds LIST");
        }
        return SeedList.parse(seedList);
    }

    /**
     * Splits the {@code --set} properties over the schedulers: {@code engine.*} keys go to every scheduler, any other
     * key to each scheduler whose policy declares it in {@link SchedulerPolicy#defaultProperties()}.
     *
     * @param properties the {@code --set} properties, in command-line order
     * @param policies   the selected policies by id, in {@code --schedulers} order
     * @return the properties of each scheduler's runs (insertion order kept)
     * @throws InvalidInputException if a non-engine key is declared by none of the policies, listing what each knows
     */
    static Map<String, Map<String, String>> propertiesPerScheduler(Map<String, String> properties,
                                                                   Map<String, SchedulerPolicy> policies) {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        for (Map.Entry<String, SchedulerPolicy> p : policies.entrySet()) {
            known.put(p.getKey(), new TreeSet<>(p.getValue().defaultProperties().keySet()));
        }
        for (String key : properties.keySet()) {
            if (!key.startsWith(ENGINE_PREFIX) && !key.startsWith(Evaluator.REPORT_PREFIX)
                    && known.values().stream().noneMatch(k -> k.contains(key))) {
                List<String> each = new ArrayList<>();
                known.forEach((id, keys) -> each.add(id + ": " + (keys.isEmpty() ? "(none)" : String.join(", ", keys))));
                throw new InvalidInputException("--set", "", "property '" + key + "' is not known to "
                        + (policies.size() == 1 ? "scheduler " + policies.keySet().iterator().next()
                        : "any of the schedulers " + policies.keySet()) + " and is no " + ENGINE_PREFIX
                        + "* property; known: " + String.join("; ", each));
            }
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> k : known.entrySet()) {
            Map<String, String> applied = new LinkedHashMap<>();
            properties.forEach((key, value) -> {
                if (key.startsWith(ENGINE_PREFIX) || key.startsWith(Evaluator.REPORT_PREFIX)
                        || k.getValue().contains(key)) {
                    applied.put(key, value);
                }
            });
            out.put(k.getKey(), applied);
        }
        return out;
    }

    /** Lets each selected reporter write its comparison files into {@code dir}; a failure costs a warning. */
    private void writeComparisons(List<MetricReporter> reporters, List<RunResult> results, List<RunFailure> failures,
                                  String base, Path dir, java.io.PrintWriter err) throws IOException {
        Files.createDirectories(dir);
        for (MetricReporter r : reporters) {
            try {
                if (failures.isEmpty()) {
                    r.writeComparison(results, base, dir);
                } else {
                    r.writeComparison(results, failures, base, dir);
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                err.println("warning: reporter '" + r.id() + "' failed in writeComparison: " + e);
            }
        }
    }

    /**
     * Runs every configuration into {@code root}; a run that fails (its scheduler throws, hangs past
     * {@code engine.decisionTimeout}, makes an invalid decision; a cost model that cannot price) is recorded in
     * {@code failures} and the others go on: one failing run never sinks the comparison.
     */
    private void runAll(Evaluator evaluator, List<RunConfig> configs, Path root, java.io.PrintWriter err,
                        Progress progress, List<RunResult> results, List<RunFailure> failures)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, configs.size()));
        AtomicLong done = new AtomicLong();
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (RunConfig c : configs) {
                futures.add(pool.submit(() -> {
                    Object r;
                    try {
                        r = evaluator.run(c, org.rtmmlab.engine.RunPaths.forRun(root, c), w -> err.println("warning: "
                                + w));
                    } catch (RuntimeException | OutOfMemoryError | StackOverflowError | LinkageError e) {
                        r = new RunFailure(c, ComparePublishing.reason(e));
                    }
                    progress.stepTo(done.incrementAndGet());
                    return r;
                }));
            }
            for (Future<Object> f : futures) {
                try {
                    Object r = f.get();
                    if (r instanceof RunResult rr) {
                        results.add(rr);
                    } else {
                        failures.add((RunFailure) r);
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
