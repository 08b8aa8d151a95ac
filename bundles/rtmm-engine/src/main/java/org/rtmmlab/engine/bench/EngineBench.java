package org.rtmmlab.engine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * Engine throughput benchmark (not a test): runs one scenario for a long simulated time on a few platforms in the
 * default engine and prints events/s, scheduler decisions/s, simulated seconds per wall second and heap used.
 * Plugins are found on the classpath through ServiceLoader.
 *
 * <p>Usage: {@code EngineBench [scenario] [scheduler] [simulated seconds] [platform ...]}; defaults:
 * {@code xrbench/VR_gaming xrbench-greedy 60 xrbench/Single_4K__WS xrbench/Dual_4K__WS_OS xrbench/Quad_8K__WS_OS_WS_OS}.
 */
public final class EngineBench {

    private EngineBench() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "xrbench/VR_gaming";
        String scheduler = args.length > 1 ? args[1] : "xrbench-greedy";
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        List<String> platforms = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                : List.of("xrbench/Single_4K__WS", "xrbench/Dual_4K__WS_OS", "xrbench/Quad_8K__WS_OS_WS_OS");
        List<String> errors = new ArrayList<>();
        PluginCatalog catalog = ServiceLoaderCatalog.load(EngineBench.class.getClassLoader(), errors::add);
        errors.forEach(e -> System.err.println("[bench] " + e));
        Evaluator evaluator = new Evaluator(catalog);
        long durationNs = (long) (seconds * 1e9);
        System.out.printf(Locale.ROOT, "%-36s %10s %12s %12s %12s %10s %9s%n", "platform", "wall ms", "events/s",
                "decisions/s", "sim s/wall s", "heap MiB", "score");
        for (String platform : platforms) {
            RunConfig config = new RunConfig(scenario, platform, scheduler, 1, durationNs, false, Map.of(), List.of());
            evaluator.run(new RunConfig(scenario, platform, scheduler, 1, durationNs / 10, false, Map.of(),
                    List.of()), null, null); // warm-up (JIT, cost tables)
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long t0 = System.nanoTime();
            RunResult r = evaluator.run(config, null, w -> System.err.println("[bench] " + w));
            long wall = System.nanoTime() - t0;
            long heap = rt.totalMemory() - rt.freeMemory();
            double wallS = wall / 1e9;
            System.out.printf(Locale.ROOT, "%-36s %10.1f %12.0f %12.0f %12.1f %10.1f %9.3f%n", platform, wall / 1e6,
                    r.metric("events") / wallS, r.metric("decisions") / wallS, r.simulatedNs() / 1e9 / wallS,
                    heap / 1048576.0, r.metric("xrbench.score"));
        }
    }
}
