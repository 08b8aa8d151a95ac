package org.rtmmlab.engine.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.engine.sim.CostTables;

/**
 * Engine throughput benchmark (not a test): runs one scenario for a long simulated time on a few platforms in the
 * default engine and prints events/s, scheduler decisions/s, simulated seconds per wall second and heap used; then
 * what the per-platform cost-table cache saves: the time to price every (model, variant, layer, accelerator) once
 * (what each run would pay without the cache), a cache hit, and a short run with a cold and with a warm cache.
 * Wall-clock figures on a shared machine: run it more than once and read the spread.
 *
 * <p>Usage: {@code EngineBench [scenario] [scheduler] [simulated seconds] [platform ...]}; defaults:
 * {@code xrbench/VR_gaming xrbench-greedy 60 xrbench/Single_4K__WS xrbench/Dual_4K__WS_OS xrbench/Quad_8K__WS_OS_WS_OS}.
 * {@code ./rtmm bench} runs the same.
 */
public final class EngineBench {

    /** Default platforms. */
    public static final List<String> DEFAULT_PLATFORMS = List.of("xrbench/Single_4K__WS", "xrbench/Dual_4K__WS_OS",
            "xrbench/Quad_8K__WS_OS_WS_OS");

    private static final int REPEATS = 5;

    private final Evaluator evaluator;
    private final PluginCatalog catalog;
    private final PrintWriter out;

    /**
     * @param catalog where the plugins are found
     * @param out     where the tables go
     */
    public EngineBench(PluginCatalog catalog, PrintWriter out) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
        this.out = out;
    }

    /** Entry point. */
    public static void main(String[] args) {
        String scenario = args.length > 0 ? args[0] : "xrbench/VR_gaming";
        String scheduler = args.length > 1 ? args[1] : "xrbench-greedy";
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        List<String> platforms = args.length > 3 ? Arrays.asList(args).subList(3, args.length) : DEFAULT_PLATFORMS;
        List<String> errors = new ArrayList<>();
        PluginCatalog catalog = ServiceLoaderCatalog.load(EngineBench.class.getClassLoader(), errors::add);
        errors.forEach(e -> System.err.println("[bench] " + e));
        PrintWriter out = new PrintWriter(System.out, true);
        EngineBench bench = new EngineBench(catalog, out);
        bench.throughput(scenario, scheduler, (long) (seconds * 1e9), platforms);
        out.println();
        bench.costCache(scenario, scheduler, platforms);
    }

    /** Prints one throughput row per platform: a long run after a warm-up run of a tenth of its length. */
    public void throughput(String scenario, String scheduler, long durationNs, List<String> platforms) {
        out.printf(Locale.ROOT, "%-36s %10s %12s %12s %12s %10s %9s%n", "platform", "wall ms", "events/s",
                "decisions/s", "sim s/wall s", "heap MiB", "score");
        for (String platform : platforms) {
            RunConfig config = new RunConfig(scenario, platform, scheduler, 1, durationNs, false, Map.of(), List.of());
            evaluator.run(new RunConfig(scenario, platform, scheduler, 1, Math.max(1, durationNs / 10), false,
                    Map.of(), List.of()), null, null); // warm-up (JIT, cost tables)
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long t0 = System.nanoTime();
            RunResult r = evaluator.run(config, null, w -> out.println("[bench] " + w));
            long wall = System.nanoTime() - t0;
            long heap = rt.totalMemory() - rt.freeMemory();
            double wallS = wall / 1e9;
            out.printf(Locale.ROOT, "%-36s %10.1f %12.0f %12.0f %12.1f %10.1f %9.3f%n", platform, wall / 1e6,
                    r.metric("events") / wallS, r.metric("decisions") / wallS, r.simulatedNs() / 1e9 / wallS,
                    heap / 1048576.0, r.metric("xrbench.score"));
        }
        out.flush();
    }

    /**
     * Prints, per platform: the median time to build the cost tables (the pricing every run repeats without the
     * cache), the median cache hit, and the median wall time of the scenario's default-length run with a fresh
     * evaluator (cold cache: builds the tables) and with a warm one.
     */
    public void costCache(String scenario, String scheduler, List<String> platforms) {
        out.printf(Locale.ROOT, "%-36s %8s %14s %14s %16s %16s%n", "platform", "pricings", "build tables ms",
                "cache hit us", "run cold-cache ms", "run warm-cache ms");
        Scenario sc = evaluator.scenario(scenario);
        for (String platformId : platforms) {
            Platform platform = evaluator.platform(platformId);
            List<AcceleratorModel> models = new ArrayList<>();
            platform.accelerators().forEach(a -> models.add(catalog.acceleratorModel(a.costModel())));
            long pricings = 0;
            for (var m : sc.models()) {
                for (int v = 0; v <= m.variants().size(); v++) {
                    pricings += (long) (v == 0 ? m.layers().size() : m.variants().get(v - 1).layers().size())
                            * platform.accelerators().size();
                }
            }
            long[] build = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                long t0 = System.nanoTime();
                new CostTables(platform, sc.models(), models);
                build[i] = System.nanoTime() - t0;
            }
            RunConfig config = new RunConfig(scenario, platformId, scheduler, 1, 0, false, Map.of(), List.of());
            long[] cold = new long[REPEATS];
            long[] warm = new long[REPEATS];
            long[] hit = new long[REPEATS];
            Evaluator shared = new Evaluator(catalog);
            shared.run(config, null, null);
            for (int i = 0; i < REPEATS; i++) {
                Evaluator fresh = new Evaluator(catalog);
                long t0 = System.nanoTime();
                fresh.run(config, null, null);
                cold[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                shared.run(config, null, null);
                warm[i] = System.nanoTime() - t0;
                org.rtmmlab.engine.sim.CostTableCache cache = new org.rtmmlab.engine.sim.CostTableCache(1);
                cache.get(platform, sc.models(), a -> catalog.acceleratorModel(a.costModel()));
                t0 = System.nanoTime();
                cache.get(platform, sc.models(), a -> catalog.acceleratorModel(a.costModel()));
                hit[i] = System.nanoTime() - t0;
            }
            out.printf(Locale.ROOT, "%-36s %8d %14.2f %14.1f %16.2f %16.2f%n", platformId, pricings,
                    median(build) / 1e6, median(hit) / 1e3, median(cold) / 1e6, median(warm) / 1e6);
        }
        out.flush();
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
