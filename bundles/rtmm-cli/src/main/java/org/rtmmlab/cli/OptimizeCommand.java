package org.rtmmlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.optimizer.rtmdl.GpuProfile;
import org.rtmmlab.optimizer.rtmdl.OptimizerResult;
import org.rtmmlab.optimizer.rtmdl.OptimizerSettings;
import org.rtmmlab.optimizer.rtmdl.RtmdlOptimizer;
import org.rtmmlab.optimizer.rtmdl.StrategyFile;
import org.rtmmlab.optimizer.rtmdl.StrategySimulator;
import org.rtmmlab.optimizer.rtmdl.StrategySpace;
import org.rtmmlab.shell.options.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtmm optimize rtmdl}: RT-mDL's offline execution-strategy optimiser (bundles/rtmm-optimizer-rtmdl): writes a
 * strategy file for {@code --scheduler rtmdl --set strategy=FILE} and prints its simulated check.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Search an execution strategy offline (per task a variant and a priority) and write it as a "
                + "strategy file. METHOD: rtmdl (NSGA-II over a random-forest miss-rate proxy trained on simulated "
                + "runs; bundles/rtmm-optimizer-rtmdl/README.md).")
public class OptimizeCommand extends PluginCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "METHOD", description = "optimiser: rtmdl")
    String method;

    @Mixin
    ScenarioPlatformOptions target;

    @Option(names = "--storage-mb", required = true, paramLabel = "MB",
            description = "weight-storage bound in MB (10^6 bytes) for the chosen variants of all tasks")
    double storageMb;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "strategy file to write")
    Path out;

    @Option(names = "--zeta", paramLabel = "TASK=RATE", split = ",",
            description = "deadline-miss tolerance per task (default: 0.05 for the scenario's highest priority, "
                    + "doubled per lower priority level)")
    Map<String, Double> zeta = new LinkedHashMap<>();

    @Option(names = "--bytes-per-element", paramLabel = "N", defaultValue = "1",
            description = "bytes per weight element (1 = int8, 2 = fp16; default: ${DEFAULT-VALUE})")
    int bytesPerElement;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the sample, the forest, NSGA-II and the runs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "60",
            description = "simulated strategies the proxy is trained on (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--holdout", paramLabel = "N", defaultValue = "20",
            description = "held-out simulated strategies for the proxy's error (default: ${DEFAULT-VALUE})")
    int holdout;

    @Option(names = "--population", paramLabel = "N", defaultValue = "50",
            description = "NSGA-II population (default: ${DEFAULT-VALUE})")
    int population;

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "5000",
            description = "NSGA-II proxy evaluations (default: ${DEFAULT-VALUE})")
    int evaluations;

    @Option(names = "--verify", paramLabel = "N", defaultValue = "10",
            description = "at most this many proxy-feasible strategies are simulated to pick one (default: "
                    + "${DEFAULT-VALUE})")
    int verify;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "simulated time per run, e.g. 10s (default: the scenario's own)")
    Long durationNs;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws IOException {
        if (!"rtmdl".equals(method)) {
            throw new InvalidInputException("optimize", "METHOD", "unknown optimiser '" + method + "'; known: rtmdl");
        }
        if (!(storageMb > 0) || Double.isInfinite(storageMb)) {
            throw new InvalidInputException("--storage-mb", "", "must be a positive number, got " + storageMb);
        }
        if (bytesPerElement <= 0) {
            throw new InvalidInputException("--bytes-per-element", "", "must be > 0, got " + bytesPerElement);
        }
        Progress.Mode mode = progress.mode();
        OptimizerSettings settings = new OptimizerSettings(seed, samples, holdout, population, evaluations, verify,
                durationNs == null ? 0 : durationNs);
        PrintWriter err = err();
        DefaultPluginCatalog catalog = catalog();
        Evaluator evaluator = new Evaluator(catalog);
        Platform resolved = evaluator.platform(target.platform); // a wrong platform fails now, not after the sample
        Scenario tasks = evaluator.scenario(target.scenario);
        StrategySpace space = StrategySpace.of(tasks, zeta, Math.round(storageMb * 1e6), bytesPerElement);
        GpuProfile profile = GpuProfile.of(tasks, resolved, catalog::acceleratorModel);
        Path scratch = Files.createTempDirectory("rtmm-optimize");
        long start = System.nanoTime();
        OptimizerResult r;
        try {
            StrategySimulator sim = new StrategySimulator(evaluator, space, profile, target.scenario, target.platform, seed,
                    settings.durationNs(), scratch);
            RtmdlOptimizer optimizer = new RtmdlOptimizer(space, sim, settings);
            try (Progress bar = Progress.create(mode, "optimize", Progress.Unit.RUNS, optimizer.totalSteps(), err)) {
                r = optimizer.optimize((done, total, phase) -> {
                    bar.message(phase);
                    bar.stepTo(done);
                });
            }
        } finally {
            Files.deleteIfExists(scratch.resolve("candidate-strategy.json"));
            Files.deleteIfExists(scratch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, StrategyFile.json(space, profile, r.chosen(), r.notes(target.scenario, target.platform)),
                StandardCharsets.UTF_8);
        print(r, seconds);
        return r.meetsTolerances() ? 0 : 3;
    }

    private void print(OptimizerResult r, double seconds) {
        PrintWriter o = out();
        StrategySpace s = r.space();
        o.printf("rtmdl strategy for %s on %s (seed %d), verified by simulation:%n", target.scenario, target.platform, seed);
        TextTable t = new TextTable(1, "task", "variant", "kept", "kept MB", "priority", "rel. accuracy", "miss",
                "zeta", "met", "predicted", "full size miss");
        for (int i = 0; i < s.size(); i++) {
            int v = r.chosen().variant(i);
            List<String> ids = s.variantIds().get(i);
            int k = r.chosen().keptFrom(i);
            String kept = k == ids.size() - 1 ? ids.get(k) : ids.get(k) + ".." + ids.get(ids.size() - 1);
            t.row(s.tasks().get(i), ids.get(v), kept,
                    Format.fixed(s.keptBytes()[i][k] / 1e6, 2), r.chosen().priority(i),
                    Format.fixed(s.accuracy()[i][v], 3), Format.percent(r.simulated()[i]),
                    Format.percent(s.zeta()[i]), r.simulated()[i] <= s.zeta()[i] ? "yes" : "NO",
                    Format.percent(r.predicted()[i]), Format.percent(r.fullSizeMiss()[i]));
        }
        t.lines().forEach(o::println);
        o.printf("accuracy loss (sum of LOSS_i / ACC_i^max) %s; storage (every kept variant) %s of %s MB; proxy MAE on %d held-out "
                        + "strategies %s (miss rate); %d strategies simulated to verify; %.1f s%n",
                Format.fixed(r.loss(), 4), Format.fixed(r.storageBytes() / 1e6, 2),
                Format.fixed(s.boundBytes() / 1e6, 2), r.settings().holdout(), Format.fixed(r.proxyMae(), 4),
                r.verified(), seconds);
        o.println(r.meetsTolerances() ? "every task meets its zeta; strategy written to " + out
                : "NO verified strategy meets every zeta (best found written to " + out + "; exit code 3)");
    }
}
