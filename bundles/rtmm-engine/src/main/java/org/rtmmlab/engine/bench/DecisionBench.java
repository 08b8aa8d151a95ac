package org.rtmmlab.engine.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.sim.CostTables;

/**
 * Scheduler decision time (not a test): for every installed scheduler, the wall time of one {@code decide()} call on
 * a fixed state ({@link SnapshotView}: N ready jobs, every accelerator of the platform idle), median and 99th
 * percentile over many calls after a warm-up (JIT), for each N asked. Each call is timed on its own with
 * {@link System#nanoTime()}, so the figures include its overhead (some 20-30 ns). The decisions are counted, not
 * applied. Wall-clock figures on a shared machine: run it more than once and read the spread.
 */
public final class DecisionBench {

    /** Default platform: four accelerators. */
    public static final String DEFAULT_PLATFORM = "xrbench/Quad_8K__WS_OS_WS_OS";
    /** Default job counts. */
    public static final List<Integer> DEFAULT_JOBS = List.of(16, 256);

    /** Calls before measuring (JIT warm-up), at most. */
    private static final int WARMUP_CALLS = 20_000;
    /** Timed calls per scheduler and job count, at most. */
    private static final int SAMPLES = 20_000;
    /** Wall-time cap of the warm-up and of the sampling of one scheduler and job count, ns. */
    private static final long PHASE_CAP_NS = 500_000_000L;

    /**
     * One row of the table.
     *
     * @param scheduler the scheduler id
     * @param bundle    its bundle (or jar) and version
     * @param jobs      ready jobs in the view
     * @param calls     timed calls
     * @param medianNs  median time per call, ns
     * @param p99Ns     99th percentile, ns
     * @param dispatches dispatches per call (what the policy decided on the snapshot)
     * @param error     why the scheduler could not be measured, or null
     */
    public record Row(String scheduler, String bundle, int jobs, int calls, long medianNs, long p99Ns,
                      double dispatches, String error) {
    }

    private final PluginCatalog catalog;
    private final Evaluator evaluator;

    /** @param catalog where the schedulers, scenario and platform are found */
    public DecisionBench(PluginCatalog catalog) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
    }

    /**
     * Measures every installed scheduler (or those in {@code schedulers} when not empty).
     *
     * @return one row per scheduler and job count, schedulers sorted by id
     */
    public List<Row> measure(String scenarioId, String platformId, List<Integer> jobCounts, List<String> schedulers) {
        Scenario scenario = evaluator.scenario(scenarioId);
        Platform platform = evaluator.platform(platformId);
        List<AcceleratorModel> models = new ArrayList<>();
        platform.accelerators().forEach(a -> models.add(catalog.acceleratorModel(a.costModel())));
        CostTables costs = new CostTables(platform, scenario.models(), models);
        List<PluginDescriptor> policies = new ArrayList<>(catalog.plugins(PluginKind.SCHEDULER));
        policies.sort((a, b) -> a.id().compareTo(b.id()));
        List<Row> rows = new ArrayList<>();
        for (PluginDescriptor d : policies) {
            if (!schedulers.isEmpty() && !schedulers.contains(d.id())) {
                continue;
            }
            String bundle = d.bundle() + (d.version().isEmpty() ? "" : " " + d.version());
            for (int jobs : jobCounts) {
                rows.add(measure(d.id(), bundle, (SchedulerPolicy) d.plugin(), scenario, platform, costs, jobs));
            }
        }
        return rows;
    }

    private static Row measure(String id, String bundle, SchedulerPolicy policy, Scenario scenario,
                               Platform platform, CostView costs, int jobs) {
        try {
            // no properties: every policy runs with its own defaults, as in a run without --set
            Scheduler s = policy.create(new SnapshotContext(scenario, platform, costs, Map.of()));
            SnapshotView view = new SnapshotView(scenario, costs, jobs);
            CountingDecisions decisions = new CountingDecisions();
            long start = System.nanoTime();
            for (int i = 0; i < WARMUP_CALLS && System.nanoTime() - start < PHASE_CAP_NS; i++) {
                s.decide(view, decisions);
                view.advance();
            }
            long[] samples = new long[SAMPLES];
            decisions.reset();
            int n = 0;
            start = System.nanoTime();
            while (n < SAMPLES && (n < 100 || System.nanoTime() - start < PHASE_CAP_NS)) {
                long t0 = System.nanoTime();
                s.decide(view, decisions);
                samples[n++] = System.nanoTime() - t0;
                view.advance();
            }
            long[] sorted = Arrays.copyOf(samples, n);
            Arrays.sort(sorted);
            return new Row(id, bundle, jobs, n, sorted[(n - 1) / 2], sorted[(int) Math.ceil(0.99 * n) - 1],
                    (double) decisions.dispatches() / n, null);
        } catch (RuntimeException | LinkageError e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Row(id, bundle, jobs, 0, -1, -1, Double.NaN, m.strip().replaceAll("\\s*\\R\\s*", " / "));
        }
    }

    /** Prints the rows as an aligned table. */
    public static void print(List<Row> rows, String scenarioId, String platformId, int accelerators, PrintWriter out) {
        out.printf(Locale.ROOT, "decide() per call on %s, %d accelerators idle, jobs of %s all ready%n", platformId,
                accelerators, scenarioId);
        int w = "scheduler".length();
        for (Row r : rows) {
            w = Math.max(w, r.scheduler().length());
        }
        out.printf(Locale.ROOT, "%-" + w + "s %6s %7s %11s %11s %11s  %s%n", "scheduler", "jobs", "calls",
                "median ns", "p99 ns", "dispatches", "bundle");
        for (Row r : rows) {
            if (r.error() != null) {
                out.printf(Locale.ROOT, "%-" + w + "s %6d  failed: %s%n", r.scheduler(), r.jobs(), r.error());
            } else {
                out.printf(Locale.ROOT, "%-" + w + "s %6d %7d %11d %11d %11.2f  %s%n", r.scheduler(), r.jobs(),
                        r.calls(), r.medianNs(), r.p99Ns(), r.dispatches(), r.bundle());
            }
        }
        out.flush();
    }

    /** @return the accelerator count of a platform id */
    public int accelerators(String platformId) {
        return evaluator.platform(platformId).accelerators().size();
    }
}
