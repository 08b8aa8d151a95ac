package org.rtmmlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.report.json.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rtmm run}: one evaluation of a scheduler on a scenario and a platform. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one evaluation and write config.json plus the files of the reporters selected with --report "
                + "(summary.json, requests.csv, blocks.csv; trace.perfetto-trace, report.html).")
public class RunCommand extends PluginCommand implements Callable<Integer> {

    @Mixin
    RunOptions runOptions;

    @Mixin
    ScenarioPlatformOptions target;

    @Option(names = "--scheduler", required = true, paramLabel = "ID", description = "scheduler id, e.g. edf")
    String scheduler;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: results/<scenario>/<platform>/<scheduler>-seed<N>)")
    Path out;

    @Option(names = "--json", description = "print one JSON document instead of a table")
    boolean json;

    @Override
    public Integer call() {
        runOptions.validate();
        var err = err();
        DefaultPluginCatalog catalog = catalog();
        RunConfig config = new RunConfig(target.scenario, target.platform, scheduler, runOptions.seed, runOptions.duration(),
                runOptions.xrbenchCompat, runOptions.properties, runOptions.reporters);
        Path dir = out != null ? out : org.rtmmlab.engine.RunPaths.forRun(Path.of("results"), config);
        RunResult result;
        try (Progress progress = Progress.create(runOptions.progressMode(), "run", Progress.Unit.SIMULATED_MS, 0,
                err)) {
            if (!config.reporters().isEmpty()) { // follow the run through the first reporter's record stream
                String first = config.reporters().get(0);
                PluginDescriptor tapped = catalog.find(PluginKind.REPORTER, first).orElse(null);
                if (tapped != null) { // the tap stands in for the reporter, under the reporter's own origin
                    catalog.add(new PluginDescriptor(PluginKind.REPORTER, first, tapped.description(), tapped.bundle(),
                            tapped.version(), new ProgressTap((org.rtmmlab.api.run.MetricReporter) tapped.plugin(),
                            progress), tapped.ranking())); // equal precedence: the one added last wins
                }
            }
            result = new Evaluator(catalog).run(config, dir, w -> err.println("warning: " + w));
        }
        var o = out();
        if (json) {
            var doc = ResultJson.of(result);
            doc.addProperty("outputDir", dir.toString());
            o.println(ResultJson.text(doc));
        } else {
            print(result, dir);
        }
        return 0;
    }

    private void print(RunResult r, Path dir) {
        var o = out();
        o.printf("%s on %s with %s (seed %d%s), %s simulated%n", r.config().scenario(), r.config().platform(),
                r.config().scheduler(), r.config().seed(), r.config().xrbenchCompat() ? ", XRBench compat" : "",
                Format.fixed(r.simulatedNs() / 1e6, 1) + " ms");
        TextTable t = new TextTable(1, "model", "released", "on time", "late", "dropped", "in flight", "miss",
                "p95 ms", "energy mJ", "score");
        for (TaskResult tr : r.perTask()) {
            var f = tr.frames();
            t.row(tr.task(), f.released(), f.onTime(), f.late(), f.dropped(), f.inFlight(),
                    Format.percent(f.missRate()), Format.fixed(tr.metrics().getOrDefault("latency.p95.ms", Double.NaN), 3),
                    Format.fixed(tr.energyMj(), 1), Format.fixed(100 * tr.metrics().getOrDefault("xrbench.score", Double.NaN), 2));
        }
        var f = r.frames();
        t.row("all", f.released(), f.onTime(), f.late(), f.dropped(), f.inFlight(), Format.percent(f.missRate()), "",
                Format.fixed(r.energyMj(), 1), Format.fixed(r.metric("xrbench.score"), 3));
        t.lines().forEach(o::println);
        o.println("XRBench score " + Format.fixed(r.metric("xrbench.score"), 3) + ", energy "
                + Format.fixed(r.energyMj(), 1) + " mJ; files in " + dir);
    }
}
