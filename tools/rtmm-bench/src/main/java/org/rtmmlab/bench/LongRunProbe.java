package org.rtmmlab.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;

/**
 * {@code allocationBytesPerEvent} and {@code heapAfterLongRunMb}, measured in a JVM of their own ({@link BenchMain}
 * forks it): after a warm-up run, the bytes the running thread allocates during one run of the heaviest scenario
 * with {@code edf} divided by the run's events; then the heap in use (after a full GC, the run's result still
 * referenced) after a long run of the same. No reporters: what a run holds, not what a trace writer buffers.
 *
 * <p>Usage: {@code LongRunProbe <alloc-run simulated s> <long-run simulated s>}; prints
 * {@code allocationBytesPerEvent=<x>} and {@code heapAfterLongRunMb=<x>}.
 */
public final class LongRunProbe {

    private LongRunProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        long allocS = Long.parseLong(args[0]);
        long longS = Long.parseLong(args[1]);
        Evaluator evaluator = new Evaluator(Lab.catalog());
        for (int i = 0; i < 3; i++) { // JIT warm-up
            Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.QUAD, "edf", allocS * 1_000_000_000L, Map.of());
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        RunResult r = Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.QUAD, "edf", allocS * 1_000_000_000L, Map.of());
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf(Locale.ROOT, "allocationBytesPerEvent=%.3f%n", allocated / r.metric("events"));
        RunResult longRun = Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.QUAD, "edf", longS * 1_000_000_000L, Map.of());
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        double mb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        System.out.printf(Locale.ROOT, "heapAfterLongRunMb=%.1f%n", mb);
        System.out.printf(Locale.ROOT, "longRunEvents=%.0f%n", longRun.metric("events"));
    }
}
