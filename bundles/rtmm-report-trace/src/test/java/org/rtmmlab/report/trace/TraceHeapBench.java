package org.rtmmlab.report.trace;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.run.RunResult;

/**
 * Heap benchmark of the trace reporter (not a test): one long simulated run with {@code trace.json} (or
 * {@code trace.perfetto-trace}) on, then peak
 * heap, trace size and event counts. Run it with a small heap to show that the trace is streamed:
 * <pre>
 * mvn -q -o -pl bundles/rtmm-report-trace dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp bundles/rtmm-report-trace/target/test-classes:bundles/rtmm-report-trace/target/classes:$(cat /tmp/cp.txt) \
 *      org.rtmmlab.report.trace.TraceHeapBench [seconds=600] [scheduler=edf] [blockLayers=8] [platform] [dir] [json|perfetto]
 * </pre>
 * Peak heap is the sum of the heap pools' peak usage ({@link MemoryPoolMXBean#getPeakUsage()}), i.e. the most the
 * run ever held including garbage not yet collected (the JVM lets the young generation fill up to the limit before
 * collecting); the live heap after a full GC at the end is printed beside it. With {@code -Xmx256m} an
 * {@link OutOfMemoryError} would end the bench.
 */
public final class TraceHeapBench {

    private TraceHeapBench() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 600;
        String scheduler = args.length > 1 ? args[1] : "edf";
        String blockLayers = args.length > 2 ? args[2] : "8";
        String platform = args.length > 3 ? args[3] : "xrbench/Dual_4K__WS_OS";
        Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("trace-bench");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        String format = args.length > 5 ? args[5] : "json";
        long t0 = System.nanoTime();
        SimRuns.Probe probe = new SimRuns.Probe();
        SimRuns.PerfettoProbe perfetto = new SimRuns.PerfettoProbe();
        RunResult r = SimRuns.run(probe, perfetto, "xrbench/VR_gaming", platform, scheduler, seconds * 1_000_000_000L,
                Map.of("blockLayers", blockLayers), List.of(format.equals("perfetto") ? SimRuns.PERFETTO_PROBE
                        : SimRuns.PROBE), dir);
        double wall = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long max = Runtime.getRuntime().maxMemory();
        if (format.equals("perfetto")) {
            Path trace = dir.resolve(TraceReporter.PERFETTO_FILE);
            System.out.printf(Locale.ROOT, "VR_gaming on %s with %s (blockLayers %s), %d s simulated in %.1f s wall%n",
                    platform, scheduler, blockLayers, seconds, wall);
            System.out.printf(Locale.ROOT, "requests %d, packets %d (slices %d), trace %.1f MB at %s%n",
                    r.frames().released(), perfetto.session.writer().packets(),
                    perfetto.session.writer().sliceBegins(), Files.size(trace) / 1e6, trace);
            System.out.printf(Locale.ROOT, "peak heap %.1f MB, %.1f MB after a full GC at the end (max heap %.0f MB); "
                    + "most events queued %d%n", peak / 1e6, live / 1e6, max / 1e6, perfetto.session.maxQueued());
            return;
        }
        Path trace = dir.resolve(TraceReporter.FILE);
        System.out.printf(Locale.ROOT, "VR_gaming on %s with %s (blockLayers %s), %d s simulated in %.1f s wall%n",
                platform, scheduler, blockLayers, seconds, wall);
        System.out.printf(Locale.ROOT, "requests %d, blocks %d, trace events %d (X %d), trace %.1f MB at %s%n",
                r.frames().released(), probe.blockRecords, probe.session.events(), probe.session.completeEvents(),
                Files.size(trace) / 1e6, trace);
        System.out.printf(Locale.ROOT, "peak heap %.1f MB, %.1f MB after a full GC at the end (max heap %.0f MB); "
                        + "most requests buffered %d, most counter points buffered %d, late counter changes %d%n",
                peak / 1e6, live / 1e6, max / 1e6,
                probe.session.maxPendingRequests(), probe.session.counters().maxPending(),
                probe.session.counters().lateChanges());
    }
}
