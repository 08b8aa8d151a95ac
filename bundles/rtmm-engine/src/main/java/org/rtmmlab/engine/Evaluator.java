package org.rtmmlab.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.json.ModelRefs;
import org.rtmmlab.json.PlatformFiles;
import org.rtmmlab.json.ScenarioFiles;
import org.rtmmlab.engine.sim.CostTableCache;
import org.rtmmlab.engine.sim.CostTables;
import org.rtmmlab.engine.sim.EngineOptions;
import org.rtmmlab.engine.sim.Simulation;
import org.rtmmlab.engine.sim.SimulationInput;
import org.rtmmlab.engine.sim.SimulationOutcome;

/**
 * Runs evaluations: resolves a {@link RunConfig}'s scenario, platform, scheduler and reporters through the plugin
 * catalog, writes the resolved configuration, simulates, streams records to the reporters and returns the result.
 *
 * <p>Thread-safe: concurrent {@link #run} calls on one instance are independent; the only shared state is a small
 * cache of cost tables per (platform, scenario models), so comparisons and sweeps price each pair once.
 *
 * <p>Engine properties live in {@link RunConfig#properties()} beside the scheduler's, under the {@code engine.}
 * prefix ({@link EngineOptions}): {@code engine.dropRule} = {@code queued-late} (default) or {@code none};
 * {@code engine.window} = width of the per-window metrics (default {@code 1s}, or {@code off});
 * {@code engine.xrbenchAccuracy} = {@code false} (default) or {@code true}.
 *
 * <p>A scenario id ending in {@code .json} is a scenario file (format in rtmm-json's README); its model refs
 * ({@code "ref": "xrbench:ES_RITNet"}) resolve against the models of the installed scenario providers
 * ({@link ModelRefs}).
 */
public final class Evaluator {

    /** Horizon of XRBench compatibility runs when the config gives none: the reference's 700 ms. */
    public static final long XRBENCH_HORIZON_NS = 700_000_000L;

    private static final int CACHE_ENTRIES = 16;

    private final PluginCatalog catalog;
    private final CostTableCache costCache = new CostTableCache(CACHE_ENTRIES);

    /** @param catalog where scenarios, platforms, cost models, schedulers and reporters are looked up by id */
    public Evaluator(PluginCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Runs one evaluation.
     *
     * @param config    what to run
     * @param outputDir directory for {@code config.json} and the reporters' files (created if missing), or
     *                  {@code null} for no files
     * @param warnings  receives one line per non-fatal problem (a failing reporter, ignored scenario events); may be
     *                  {@code null}
     * @return the result, including the figures reporters added
     * @throws InvalidInputException if an id is unknown, a property is invalid, a cost model cannot price a layer,
     *                               or the output directory cannot be created
     * @throws SchedulingException   if the scheduler policy throws or makes an invalid decision
     */
    public RunResult run(RunConfig config, Path outputDir, Consumer<String> warnings) {
        return run(config, outputDir, warnings, null);
    }

    /**
     * Runs one evaluation steered by {@code control} (pause, resume, cancel, pace, scheduler swap, live progress; see
     * {@link RunControl}). A run ended early by a cancel or a scheduler timeout still assembles its result from what
     * was measured up to then, writes and publishes its files, and returns normally: its result carries the metric
     * {@value #CANCELLED} or {@value #FAILED} = 1, its config.json a {@code stopped} object, and the control's
     * {@link RunControl#phase()} says which. Swaps made are listed in config.json ({@code swaps}) and streamed to the
     * reporters ({@code ReportSession.onSwap}).
     *
     * @param control the run's control, or {@code null} for an unsteered run
     * @see #run(RunConfig, Path, Consumer)
     */
    public RunResult run(RunConfig config, Path outputDir, Consumer<String> warnings, RunControl control) {
        Objects.requireNonNull(config, "config");
        Consumer<String> warn = warnings == null ? w -> { } : warnings;
        Scenario scenario = scenario(config.scenario());
        Platform platform = platform(config.platform());
        SchedulerPolicy policy = catalog.scheduler(config.scheduler());
        checkPropertyKeys(policy, config.properties());
        List<MetricReporter> reporters = new ArrayList<>();
        for (String id : config.reporters()) {
            reporters.add(catalog.reporter(id));
        }
        long horizon = config.durationNs() > 0 ? config.durationNs()
                : config.xrbenchCompat() ? XRBENCH_HORIZON_NS : scenario.defaultDurationNs();
        EngineOptions options = EngineOptions.parse(config.properties(), horizon);
        RunLimits limits = RunLimits.parse(config.properties());
        limits.checkRun(scenario, horizon); // inputs that cannot finish are refused before anything runs
        RunConfig resolved = new RunConfig(config.scenario(), config.platform(), config.scheduler(), config.seed(),
                horizon, config.xrbenchCompat(), config.properties(), config.reporters());
        CostTables costs;
        try {
            costs = costCache.get(platform, scenario.models(), acc -> catalog.acceleratorModel(acc.costModel()));
        } catch (CostTables.PricingException e) {
            // a scenario file's layer: name its file and JSON path too (issue 17)
            String layer = config.scenario().endsWith(".json") ? ScenarioFilePaths.layer(Path.of(config.scenario()),
                    scenario, e) : null;
            if (!config.platform().endsWith(".json")) {
                throw layer == null ? e : ScenarioFilePaths.pricing(layer, platform, e);
            }
            Path file = Path.of(config.platform()); // a user's platform file: say which accelerator of it
            throw new InvalidInputException(file.getFileName() == null ? file.toString() : file.getFileName()
                    .toString(), "$.accelerators[" + e.accelerator() + "]", e.getMessage()
                    + (layer == null ? "" : " (the layer: " + layer + ")"));
        }
        if (config.xrbenchCompat() && !scenario.events().isEmpty()) {
            warn.accept("scenario " + scenario.id() + ": " + scenario.events().size()
                    + " scenario events ignored in XRBench compatibility mode");
        }
        String version = LabVersion.get();
        if (outputDir != null) { // files that would not fit are refused before anything runs (issue 17)
            limits.checkOutput(new RunInfo(resolved, scenario, platform, version), reporters, horizon);
        }
        ReportFanout fanout = new ReportFanout(warn);
        GuardedPolicy guarded = new GuardedPolicy(policy); // the watchdog times every scheduler call (issue 17)
        SimulationInput input = new SimulationInput(scenario, platform, costs, guarded,
                resolved.properties(),
                resolved.seed(), horizon, options, resolved.xrbenchCompat(), fanout);
        if (control != null) {
            control.bind(config.xrbenchCompat());
        }
        Simulation simulation = Simulation.create(input); // the policy checks its properties here: before any file
        if (control != null) {
            PluginDescriptor running = catalog.find(PluginKind.SCHEDULER, config.scheduler()).orElseThrow();
            simulation.steer(control, catalog, running, Evaluator::checkPropertyKeys);
        }
        Path staging = outputDir == null ? null : RunDirectory.stage(outputDir, resolved);
        try {
            if (staging != null) {
                RunConfigJson.write(staging, resolved, version, options, provenance(resolved, platform, policy));
            }
            fanout.open(reporters, new RunInfo(resolved, scenario, platform, version), staging);
            // steered runs (the container's) may be paused or paced: only their scheduler calls are timed
            SimulationOutcome outcome = RunWatchdog.run(simulation::run, guarded,
                    control == null ? limits : limits.withoutRunTimeout(), resolved,
                    // a cancel frees a stuck run's caller; compatibility runs are cancelled between runs only
                    control == null || config.xrbenchCompat() ? null : control::cancelRequested);
            RunResult result = ResultAssembler.assemble(resolved, version, platform, outcome,
                    minEnergyPerTask(scenario, costs), options.uxcostFloor());
            if (control != null) {
                if (!control.ended()) { // compatibility mode is not steered: it only reports its phases
                    control.phase(RunControl.Phase.COMPLETED, "");
                }
                result = markEnding(result, control, staging, resolved, version, options, platform, policy,
                        outcome.simulatedNs());
            }
            Map<String, Double> extra = fanout.finish(result);
            if (staging != null) {
                RunDirectory.publish(staging, outputDir);
            }
            if (extra.isEmpty()) {
                return result;
            }
            Map<String, Double> merged = new TreeMap<>(extra);
            merged.putAll(result.metrics()); // the engine's own figures win on a name clash
            return new RunResult(result.config(), result.labVersion(), result.simulatedNs(), result.frames(),
                    result.energyMj(), result.perTask(), merged);
        } catch (RuntimeException | Error e) {
            if (control != null && !control.ended()) { // a cancelled run whose stuck thread was abandoned: cancelled
                control.phase(control.cancelRequested() ? RunControl.Phase.CANCELLED : RunControl.Phase.FAILED,
                        e.getMessage());
            }
            fanout.abort();
            if (staging != null) {
                RunDirectory.discard(staging);
            }
            throw e;
        }
    }

    /** Run metric of a run ended early by {@link RunControl#cancel()}: 1. */
    public static final String CANCELLED = "run.cancelled";
    /** Run metric of a run ended early because its scheduler did not return in time: 1. */
    public static final String FAILED = "run.failed";

    /** Marks a steered run's result as cancelled or failed and rewrites config.json with its swaps and ending. */
    private RunResult markEnding(RunResult result, RunControl control, Path staging, RunConfig resolved,
                                 String version, EngineOptions options, Platform platform, SchedulerPolicy policy,
                                 long endNs) {
        RunControl.Phase phase = control.phase();
        String stopped = phase == RunControl.Phase.CANCELLED ? "cancelled" : phase == RunControl.Phase.FAILED
                ? "failed" : "";
        List<org.rtmmlab.api.run.SchedulerSwap> swaps = control.swaps();
        if (staging != null && (!swaps.isEmpty() || !stopped.isEmpty())) {
            RunConfigJson.write(staging, resolved, version, options, provenance(resolved, platform, policy),
                    new RunConfigJson.Ending(swaps, stopped, control.message(), endNs));
        }
        if (stopped.isEmpty()) {
            return result;
        }
        Map<String, Double> m = new TreeMap<>(result.metrics());
        m.put(phase == RunControl.Phase.CANCELLED ? CANCELLED : FAILED, 1.0);
        return new RunResult(result.config(), result.labVersion(), result.simulatedNs(), result.frames(),
                result.energyMj(), result.perTask(), m);
    }

    /**
     * @return what config.json records about the plugins of a run: the scheduler, cost models and reporters with
     *         their bundle and version, and the scheduler's effective defaults (including ConfigAdmin values in the
     *         container), so a result says which code and which settings produced it
     */
    private RunConfigJson.Provenance provenance(RunConfig resolved, Platform platform, SchedulerPolicy policy) {
        Map<String, String> plugins = new TreeMap<>();
        describe(PluginKind.SCHEDULER, resolved.scheduler(), "scheduler", plugins);
        for (Accelerator acc : platform.accelerators()) {
            describe(PluginKind.ACCELERATOR_MODEL, acc.costModel(), "costModel." + acc.costModel(), plugins);
        }
        for (String r : resolved.reporters()) {
            describe(PluginKind.REPORTER, r, "reporter." + r, plugins);
        }
        Map<String, String> defaults;
        try {
            defaults = new TreeMap<>(policy.defaultProperties());
        } catch (RuntimeException e) {
            defaults = Map.of();
        }
        return new RunConfigJson.Provenance(plugins, defaults,
                effectiveProperties(policy, defaults, resolved.properties()));
    }

    /**
     * @param defaults the policy's default values by key
     * @param run      the run's properties
     * @return every property the policy declares with the value the run uses (the run's where set, else the
     *         default), normalised by {@link PropertyReader} where the policy declares {@link PropertySpec}s
     */
    static Map<String, String> effectiveProperties(SchedulerPolicy policy, Map<String, String> defaults,
                                                   Map<String, String> run) {
        try {
            List<PropertySpec> specs = policy.properties();
            if (!specs.isEmpty()) {
                return PropertyReader.of(policy.id(), specs, run).values();
            }
        } catch (RuntimeException e) { // a bad value fails the run in create(); record the raw values here
        }
        Map<String, String> out = new TreeMap<>(defaults);
        run.forEach((k, v) -> {
            if (out.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void describe(PluginKind kind, String id, String key, Map<String, String> out) {
        catalog.find(kind, id).ifPresent(d -> out.put(key, d.id() + " " + d.bundle() + " " + d.version()));
    }

    /**
     * Resolves a scenario id listed by a scenario provider, or a scenario file ({@code *.json} path) whose model refs
     * resolve against the installed providers' models.
     *
     * @throws InvalidInputException if the id is unknown or the file is missing or malformed
     */
    public Scenario scenario(String idOrFile) {
        if (!idOrFile.endsWith(".json")) {
            return catalog.scenario(idOrFile);
        }
        Path file = Path.of(idOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(idOrFile, "", Files.isDirectory(file) ? "is a directory, not a scenario file"
                    : "scenario file not found");
        }
        return ScenarioFiles.read(file, modelResolver());
    }

    /** @return the model-ref resolver over the installed scenario providers (sorted by id), see {@link ModelRefs} */
    public Function<String, Model> modelResolver() {
        return ModelRefs.over(() -> catalog.instances(PluginKind.SCENARIO_PROVIDER, ScenarioProvider.class));
    }

    /**
     * Resolves a platform id shipped by a cost model, or a platform file ({@code *.json} path, format in
     * rtmm-json's README) whose accelerators must each name an installed cost model that supports them.
     *
     * @throws InvalidInputException if the id is unknown, the file is missing or malformed, or a cost model is missing
     */
    public Platform platform(String idOrFile) {
        Path file = idOrFile.endsWith(".json") ? Path.of(idOrFile) : null;
        if (file == null) {
            return catalog.platform(idOrFile);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(idOrFile, "", Files.isDirectory(file) ? "is a directory, not a platform file"
                    : "platform file not found");
        }
        Platform platform = PlatformFiles.read(file);
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString(); // as PlatformFiles
        for (int i = 0; i < platform.accelerators().size(); i++) {
            Accelerator acc = platform.accelerators().get(i);
            String where = "$.accelerators[" + i + "].costModel";
            AcceleratorModel model = catalog.find(PluginKind.ACCELERATOR_MODEL, acc.costModel())
                    .map(d -> (AcceleratorModel) d.plugin())
                    .orElseThrow(() -> new InvalidInputException(source, where, "unknown cost model '"
                            + acc.costModel() + "'; installed: " + catalog.plugins(PluginKind.ACCELERATOR_MODEL)
                            .stream().map(d -> d.id()).toList()));
            try {
                model.check(acc);
            } catch (InvalidInputException e) {
                String at = "$.accelerators[" + i + "]";
                throw new InvalidInputException(source, e.path().isEmpty() ? at
                        : at + "." + e.path(), e.reason());
            } catch (RuntimeException e) {
                throw new InvalidInputException(source, "$.accelerators[" + i + "]",
                        "cost model '" + acc.costModel() + "' failed to check the accelerator: " + e);
            }
        }
        return platform;
    }

    /**
     * Prefix of reporters' run properties, {@code report.<reporter id>.<key>} (e.g. {@code report.trace.window}):
     * passed through to every reporter in {@link org.rtmmlab.api.run.RunInfo#config()}, which reads and checks its own
     * keys in {@code open} (an {@link InvalidInputException} there fails the run before it starts).
     */
    public static final String REPORT_PREFIX = "report.";

    /**
     * Rejects a run property that is neither an engine key, a reporter key ({@value #REPORT_PREFIX}) nor declared by
     * the policy (its {@code properties()}, or
     * the keys of {@code defaultProperties()} for a policy written before API 1.3).
     *
     * @throws InvalidInputException naming the key and the known ones
     */
    public static void checkPropertyKeys(SchedulerPolicy policy, Map<String, String> properties) {
        java.util.Set<String> known = new java.util.TreeSet<>(policy.defaultProperties().keySet());
        policy.properties().forEach(spec -> known.add(spec.key()));
        for (String key : properties.keySet()) {
            if (!key.startsWith("engine.") && !key.startsWith(REPORT_PREFIX) && !known.contains(key)) {
                throw new InvalidInputException("run properties", key, "unknown property of scheduler '" + policy.id()
                        + "'; " + (known.isEmpty() ? "it has none" : "known: " + String.join(", ",
                        new java.util.TreeSet<>(known))) + " (and engine.* keys)");
            }
        }
    }

    /** @return per task: its full model's energy on the accelerator where the whole model costs least, pJ */
    private static double[] minEnergyPerTask(Scenario scenario, CostTables costs) {
        double[] out = new double[scenario.tasks().size()];
        for (int t = 0; t < out.length; t++) {
            String model = scenario.tasks().get(t).model();
            int m = 0;
            while (!costs.model(m).id().equals(model)) {
                m++;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < costs.acceleratorCount(); a++) {
                best = Math.min(best, costs.remainingEnergyPj(m, 0, 0, a));
            }
            if (best == Double.POSITIVE_INFINITY) {
                // issue 13: no accelerator runs the whole model (e.g. CPU stages + GPU layers): each layer on the
                // accelerator where it costs least energy, switch costs ignored
                best = 0;
                for (int l = 0; l < costs.layerCount(m, 0); l++) {
                    double layerBest = Double.POSITIVE_INFINITY;
                    for (int a = 0; a < costs.acceleratorCount(); a++) {
                        layerBest = Math.min(layerBest, costs.energyPj(m, 0, l, a));
                    }
                    best += layerBest;
                }
            }
            out[t] = best;
        }
        return out;
    }

    /**
     * Checks, without running anything, the limits {@link #run} checks first ({@link RunLimits}: the duration, the
     * requests and, when the run writes files, its reporters' estimated output), so that a front end running many
     * runs (compare) refuses an input that cannot finish before its first run.
     *
     * @param files whether the run will write files (an output folder is given)
     * @throws InvalidInputException with the reason in one line, as {@link #run} would
     */
    public void checkLimits(RunConfig config, boolean files) {
        Scenario scenario = scenario(config.scenario());
        long horizon = config.durationNs() > 0 ? config.durationNs()
                : config.xrbenchCompat() ? XRBENCH_HORIZON_NS : scenario.defaultDurationNs();
        RunLimits limits = RunLimits.parse(config.properties());
        limits.checkRun(scenario, horizon);
        if (files) {
            List<MetricReporter> reporters = new ArrayList<>();
            for (String id : config.reporters()) {
                reporters.add(catalog.reporter(id));
            }
            RunConfig resolved = new RunConfig(config.scenario(), config.platform(), config.scheduler(),
                    config.seed(), horizon, config.xrbenchCompat(), config.properties(), config.reporters());
            limits.checkOutput(new RunInfo(resolved, scenario, platform(config.platform()), LabVersion.get()),
                    reporters, horizon);
        }
    }

    /** @return how many cost-table sets are cached (for diagnostics and tests) */
    public int cachedCostTables() {
        return costCache.size();
    }

}
