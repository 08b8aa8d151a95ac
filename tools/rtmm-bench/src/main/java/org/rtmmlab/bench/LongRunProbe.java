package org.rtmmlab.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.sim.CostTables;
import org.rtmmlab.engine.sim.EngineOptions;
import org.rtmmlab.engine.sim.RecordListener;
import org.rtmmlab.engine.sim.Simulation;
import org.rtmmlab.engine.sim.SimulationInput;
import org.rtmmlab.engine.sim.SimulationOutcome;

/**
 * {@code allocationBytesPerEvent} and {@code heapAfterLongRunMb}, measured in a JVM of their own ({@link BenchMain}
 * forks it), on the heaviest scenario with {@code edf} (its default: one layer per dispatch).
 *
 * <p>Allocation: the event loop ({@link Simulation#run()}) runs on this probe's thread, so the thread's allocation
 * counter sees all of it. {@code Evaluator.run} would run it on a worker thread of its own ({@code RunWatchdog}),
 * whose allocations the caller's counter does not see: before 2026-12-08 this figure counted only the caller's
 * setup and result assembly. After warm-up runs, one run of {@code T} and one of {@code 2T} simulated seconds;
 * the figure is the steady-state cost, (bytes of the 2T run - bytes of the T run) / (their events' difference), so
 * what every run allocates once (tables, the pool's first jobs, the final figures) cancels out and what is left is
 * what grows with the events. {@code allocationBytesPerEventWholeRun} is the 2T run's bytes over its events,
 * fixed costs included. Scheduler and engine as in a run, without the watchdog and with no reporters.
 *
 * <p>Heap: the heap in use (after a full GC, the run's result still referenced) after a long run through the
 * {@link Evaluator}, no reporters: what a run holds, not what a trace writer buffers.
 *
 * <p>Usage: {@code LongRunProbe <alloc-run simulated s> <long-run simulated s>}; prints
 * {@code allocationBytesPerEvent=<x>}, {@code allocationBytesPerEventWholeRun=<x>} and {@code heapAfterLongRunMb=<x>}.
 */
public final class LongRunProbe {

    private LongRunProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        long allocS = Long.parseLong(args[0]);
        long longS = Long.parseLong(args[1]);
        PluginCatalog catalog = Lab.catalog();
        Evaluator evaluator = new Evaluator(catalog);
        Scenario scenario = evaluator.scenario(Lab.HEAVY_SCENARIO);
        Platform platform = evaluator.platform(Lab.QUAD);
        List<AcceleratorModel> costModels = new ArrayList<>();
        for (Accelerator a : platform.accelerators()) {
            costModels.add(catalog.acceleratorModel(a.costModel()));
        }
        CostTables costs = new CostTables(platform, scenario.models(), costModels);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) { // JIT warm-up
            simulate(scenario, platform, costs, catalog, allocS, threads);
        }
        long[] once = simulate(scenario, platform, costs, catalog, allocS, threads);
        long[] twice = simulate(scenario, platform, costs, catalog, 2 * allocS, threads);
        System.out.printf(Locale.ROOT, "allocationBytesPerEvent=%.4f%n",
                (twice[0] - once[0]) / (double) (twice[1] - once[1]));
        System.out.printf(Locale.ROOT, "allocationBytesPerEventWholeRun=%.4f%n", twice[0] / (double) twice[1]);
        RunResult longRun = Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.QUAD, "edf", longS * 1_000_000_000L, Map.of());
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        double mb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.printf(Locale.ROOT, "heapAfterLongRunMb=%.1f%n", mb);
        System.out.printf(Locale.ROOT, "longRunEvents=%.0f%n", longRun.metric("events"));
    }

    /** One edf run of {@code seconds} on this thread; @return {bytes this thread allocated in run(), events} */
    private static long[] simulate(Scenario scenario, Platform platform, CostTables costs, PluginCatalog catalog,
                                   long seconds, com.sun.management.ThreadMXBean threads) {
        long horizon = seconds * 1_000_000_000L;
        Simulation sim = Simulation.create(new SimulationInput(scenario, platform, costs, catalog.scheduler("edf"),
                Map.of(), 1, horizon, EngineOptions.parse(Map.of(), horizon), false, RecordListener.NONE));
        long before = threads.getCurrentThreadAllocatedBytes();
        SimulationOutcome outcome = sim.run();
        return new long[] {threads.getCurrentThreadAllocatedBytes() - before, outcome.events()};
    }
}
