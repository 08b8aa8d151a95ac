package org.rtmmlab.evaluation.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.RunControl;
import org.rtmmlab.engine.RunPaths;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;

/**
 * Checks requests and runs evaluations on a worker thread: each run through the {@link Evaluator} under its own
 * {@link RunControl}, into the evaluation's staging folder (a single run's files directly in it; a comparison's in
 * {@code <scenario>/<platform>/<scheduler>-seed<N>/} sub-folders, then the reporters' comparison files), then
 * publishes the folder with its {@code evaluation.json}. The first run that is cancelled or fails ends the
 * evaluation; what the runs before it (and it, when the engine kept it) measured is published.
 */
final class Runner {

    private final PluginCatalog catalog;
    private final Evaluator evaluator;
    private final ResultStore store;
    private final LongSupplier schedulerTimeoutNs;
    private final Consumer<Evaluation> changed;

    Runner(PluginCatalog catalog, Evaluator evaluator, ResultStore store, LongSupplier schedulerTimeoutNs,
           Consumer<Evaluation> changed) {
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.store = store;
        this.schedulerTimeoutNs = schedulerTimeoutNs;
        this.changed = changed;
    }

    /**
     * Checks every id and property of a request before anything runs.
     *
     * @throws InvalidInputException naming what is wrong
     */
    void validate(EvaluationRequest q) {
        List<SchedulerPolicy> policies = new ArrayList<>();
        for (String s : q.schedulers()) {
            policies.add(catalog.scheduler(s));
        }
        for (String r : q.reporters()) {
            catalog.reporter(r);
        }
        for (String s : q.scenarios()) {
            evaluator.scenario(s);
        }
        for (String p : q.platforms()) {
            evaluator.platform(p);
        }
        if (q.xrbenchCompat() && q.pace() > 0) {
            throw new InvalidInputException("pace", "", "XRBench compatibility runs cannot be paced");
        }
        if (q.baseline() != null && !q.schedulers().contains(q.baseline())) {
            throw new InvalidInputException("baseline", q.baseline(), "is not one of the schedulers " + q.schedulers());
        }
        if (q.isSingleRun()) {
            Evaluator.checkPropertyKeys(policies.get(0), q.properties());
            return;
        }
        Set<String> declared = new TreeSet<>();
        policies.forEach(p -> declared.addAll(p.defaultProperties().keySet()));
        for (String key : q.properties().keySet()) {
            if (!key.startsWith("engine.") && !key.startsWith(Evaluator.REPORT_PREFIX) && !declared.contains(key)) {
                throw new InvalidInputException("run properties", key, "no scheduler of " + q.schedulers()
                        + " declares it; known: " + declared + " (and engine.* keys)");
            }
        }
    }

    /** Runs an evaluation to its end and publishes it (never throws: failures end up in its state). */
    void execute(Evaluation e) {
        EvaluationRequest q = e.request;
        if (e.cancelAsked()) {
            finish(e, EvaluationState.CANCELLED, "cancelled before it started");
            return;
        }
        Path staging = store.staging(e.id);
        EvaluationState finalState = EvaluationState.FINISHED;
        String why = "";
        List<RunResult> results = new ArrayList<>();
        try {
            store.begin(e.record());
            outer:
            for (String scenario : q.scenarios()) {
                for (String platform : q.platforms()) {
                    for (String scheduler : q.schedulers()) {
                        for (long seed : q.seeds()) {
                            if (e.cancelAsked()) {
                                finalState = EvaluationState.CANCELLED;
                                why = "cancelled";
                                break outer;
                            }
                            RunConfig config = new RunConfig(scenario, platform, scheduler, seed, q.durationNs(),
                                    q.xrbenchCompat(), properties(q, scheduler), q.reporters());
                            // a single run's files go directly into the evaluation's folder: the engine publishes
                            // only into a folder of its own (issue 17), so it writes a sub-folder moved up after
                            Path out = q.isSingleRun() ? staging.resolve(SINGLE_RUN) : RunPaths.forRun(staging, config);
                            Path files = q.isSingleRun() ? staging : out;
                            String rel = staging.relativize(files).toString().replace('\\', '/');
                            RunControl c = control(e, q);
                            e.runStarts(c, scheduler);
                            changed.accept(e);
                            EvaluationState runState;
                            String runWhy = "";
                            try {
                                results.add(evaluator.run(config, out, e::warn, c));
                                if (q.isSingleRun()) {
                                    hoist(out, staging);
                                } else { // the result store owns these folders: no marker (it is for --out)
                                    unmark(out);
                                }
                                runState = switch (c.phase()) {
                                    case CANCELLED -> EvaluationState.CANCELLED;
                                    case FAILED -> EvaluationState.FAILED;
                                    default -> EvaluationState.FINISHED;
                                };
                                runWhy = runState == EvaluationState.FINISHED ? "" : c.message();
                            } catch (RuntimeException ex) { // cancelled while stuck: the run's thread abandoned
                                runState = c.phase() == RunControl.Phase.CANCELLED ? EvaluationState.CANCELLED
                                        : EvaluationState.FAILED;
                                runWhy = oneLine(ex);
                            }
                            e.runEnds(new EvaluationRecord.RunEntry(scenario, platform, scheduler, seed, rel,
                                    runState, runWhy), plugins(files));
                            if (runState != EvaluationState.FINISHED) {
                                finalState = runState;
                                why = q.isSingleRun() ? runWhy : "run " + rel + ": " + runWhy;
                                break outer;
                            }
                        }
                    }
                }
            }
            if (!q.isSingleRun() && !results.isEmpty()) {
                compare(e, q, results, staging);
            }
        } catch (RuntimeException ex) { // the staging folder could not be written: the evaluation fails
            finalState = EvaluationState.FAILED;
            why = oneLine(ex);
        }
        finish(e, finalState, why);
    }

    private RunControl control(Evaluation e, EvaluationRequest q) {
        RunControl c = new RunControl();
        c.schedulerTimeout(schedulerTimeoutNs.getAsLong());
        if (q.pace() > 0) {
            c.pace(q.pace());
        }
        String[] last = {""};
        c.onChange(() -> { // every phase change, swap and closed window: only the first two are told at once
            String key = c.phase() + "|" + c.swapCount() + "|" + c.swapError();
            if (!key.equals(last[0])) {
                last[0] = key;
                changed.accept(e);
            }
        });
        return c;
    }

    /** @return the run properties a scheduler of a comparison gets: engine keys and the keys it declares */
    private Map<String, String> properties(EvaluationRequest q, String scheduler) {
        if (q.isSingleRun()) {
            return q.properties();
        }
        Set<String> known = catalog.scheduler(scheduler).defaultProperties().keySet();
        Map<String, String> out = new TreeMap<>();
        q.properties().forEach((k, v) -> {
            if (k.startsWith("engine.") || k.startsWith(Evaluator.REPORT_PREFIX) || known.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void compare(Evaluation e, EvaluationRequest q, List<RunResult> results, Path staging) {
        String baseline = q.baseline() != null ? q.baseline() : q.schedulers().get(0);
        for (String id : q.reporters()) {
            try {
                MetricReporter r = catalog.reporter(id);
                r.writeComparison(results, baseline, staging);
            } catch (IOException | RuntimeException | LinkageError ex) {
                e.warn("reporter '" + id + "' failed to write the comparison: " + oneLine(ex));
            }
        }
    }

    /** Publishes the evaluation's folder, then shows its final state (so a final state means the files are there). */
    private void finish(Evaluation e, EvaluationState state, String why) {
        java.time.Instant when = java.time.Instant.now();
        try {
            store.publish(e.record(state, why, when));
        } catch (RuntimeException ex) {
            e.warn("cannot publish: " + oneLine(ex));
            System.err.println("[rtmm] evaluation " + e.id + ": cannot publish its results: " + oneLine(ex));
        }
        e.end(state, why, when);
        changed.accept(e);
    }

    /** @return bundle to version of the plugins a run's config.json names ("id bundle version" values) */
    /** Sub-folder of a single run's evaluation folder the engine publishes into before {@link #hoist}. */
    private static final String SINGLE_RUN = ".run";

    /** Moves a published run's files (not the engine's marker) up into the evaluation's folder. */
    private static void hoist(Path runDir, Path into) {
        try (java.util.stream.Stream<Path> files = Files.list(runDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals(org.rtmmlab.engine.OutputFolder.MARKER)) {
                    Files.move(f, into.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.deleteIfExists(runDir.resolve(org.rtmmlab.engine.OutputFolder.MARKER));
            Files.delete(runDir);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException("cannot move the run's files into " + into, ex);
        }
    }

    /** Removes the engine's marker from a run folder of a comparison (the result store's own folder). */
    private static void unmark(Path runDir) {
        try {
            Files.deleteIfExists(runDir.resolve(org.rtmmlab.engine.OutputFolder.MARKER));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException("cannot tidy " + runDir, ex);
        }
    }

    private static Map<String, String> plugins(Path runDir) {
        Map<String, String> out = new TreeMap<>();
        Path config = runDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return out;
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
            JsonObject plugins = o.getAsJsonObject("plugins");
            if (plugins != null) {
                for (Map.Entry<String, JsonElement> p : plugins.entrySet()) {
                    String[] parts = p.getValue().getAsString().split(" ");
                    if (parts.length == 3) {
                        out.put(parts[1], parts[2]);
                    }
                }
            }
        } catch (IOException | RuntimeException ex) {
            // provenance is best effort: the run's own config.json still says it
        }
        return out;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.replaceAll("\\R+", " / ");
    }
}
