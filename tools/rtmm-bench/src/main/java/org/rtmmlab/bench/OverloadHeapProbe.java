package org.rtmmlab.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;

/**
 * {@code overloadHeapMb.<scheduler>}: the most heap one overload run ({@link Lab#HEAVY_SCENARIO} on
 * {@link Lab#DUAL}, the scheduler's defaults, no reporters) keeps in use, measured in a JVM of its own that
 * {@link BenchMain} starts with {@code -Xmx64m}, the bound, so a run that needs more fails here instead of
 * reporting a number.
 *
 * <p>The figure is the largest heap in use after any garbage collection while the run goes on, or after a full GC
 * at its end (the result still referenced), whichever is larger: the sum over the heap's pools of their usage after
 * the collection ({@link GarbageCollectionNotificationInfo}). A collection after a young GC still counts old-gen
 * garbage, so the figure errs high, never low. A run that allocates little may trigger no collection of its own, so
 * a sampler thread forces a full GC ({@code System.gc()}) every {@value #SAMPLE_MS} ms of wall time during the run:
 * the run's live state (its backlog of jobs, the scheduler's structures) is weighed at those instants too. The JVM's
 * own share (the catalogs, the price tables, the JIT's data) is in the figure: it is what such a process needs.
 *
 * <p>Usage: {@code OverloadHeapProbe <scheduler> <simulated s>}; prints {@code overloadHeapMb=<MB>} (or
 * {@code overloadHeapMb=failed: <why>}), {@code overloadHeapCollections=<n>} and {@code overloadEvents=<n>}.
 */
public final class OverloadHeapProbe {

    /** Wall time between two forced full GCs during the run, ms. */
    static final int SAMPLE_MS = 25;

    private static final AtomicLong MOST_USED = new AtomicLong();
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    private OverloadHeapProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        String scheduler = args[0];
        long seconds = Long.parseLong(args[1]);
        Evaluator evaluator = new Evaluator(Lab.catalog());
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) {
                            used += e.getValue().getUsed();
                        }
                    }
                    MOST_USED.accumulateAndGet(used, Math::max);
                    COLLECTIONS.incrementAndGet();
                }
            }, null, null);
        }
        System.gc(); // the start: plugins and catalogs loaded, nothing run yet
        Thread.sleep(200); // notifications arrive on their own thread
        MOST_USED.set(0);
        COLLECTIONS.set(0);
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(SAMPLE_MS);
                    System.gc();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        RunResult result;
        try {
            sampler.start();
            result = Lab.run(evaluator, Lab.HEAVY_SCENARIO, Lab.DUAL, scheduler, seconds * 1_000_000_000L, Map.of());
        } catch (RuntimeException | OutOfMemoryError e) {
            sampler.interrupt();
            System.out.println("overloadHeapMb=failed: " + (e.getMessage() == null ? e.toString()
                    : e.getMessage().replace('\n', ' ')));
            return;
        }
        sampler.interrupt();
        sampler.join();
        System.gc();
        Thread.sleep(200);
        System.out.printf(Locale.ROOT, "overloadHeapMb=%.1f%n", MOST_USED.get() / 1048576.0);
        System.out.printf(Locale.ROOT, "overloadHeapCollections=%d%n", COLLECTIONS.get());
        System.out.printf(Locale.ROOT, "overloadEvents=%.0f%n", result.metric("events"));
    }
}
