package org.rtmmlab.engine.support;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/** Small scheduler policies for tests. */
public final class Policies {

    private Policies() {
    }

    /** A policy whose schedulers run {@code decide} (stateless). */
    public static SchedulerPolicy of(String id, BiConsumer<SchedulerView, Decisions> decide) {
        return of(id, ctx -> decide::accept);
    }

    /** A policy built from a factory. */
    public static SchedulerPolicy of(String id, Function<SchedulerContext, Scheduler> factory) {
        return new SchedulerPolicy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "test policy " + id;
            }

            @Override
            public Scheduler create(SchedulerContext context) {
                return factory.apply(context);
            }

            @Override
            public java.util.Map<String, String> defaultProperties() {
                return PROPERTIES;
            }
        };
    }

    /** Properties every test policy accepts (and ignores), so runs can carry scheduler properties. */
    public static final java.util.Map<String, String> PROPERTIES = java.util.Map.of("a", "unused test property",
            "b", "unused test property");

    /** {@code fifo}: ready jobs in release order, whole model, lowest-index idle accelerator. */
    public static SchedulerPolicy fifo() {
        return of("fifo", Policies::fifoDecide);
    }

    public static void fifoDecide(SchedulerView v, Decisions d) {
        for (int j = 0; j < v.jobCount(); j++) {
            if (!v.ready(j)) {
                continue;
            }
            for (int a = 0; a < v.acceleratorCount(); a++) {
                if (v.idle(a)) {
                    d.dispatch(j, a, v.layerCount(j) - v.nextLayer(j));
                    break;
                }
            }
        }
    }

    /**
     * {@code edf-chunks}: earliest deadline first, {@code chunk} layers per block on the idle accelerator with the
     * lowest latency for that block; blocks move between accelerators (switch costs).
     */
    public static SchedulerPolicy edfChunks(int chunk) {
        return of("edf-chunks", (v, d) -> {
            boolean progress = true;
            while (progress) {
                progress = false;
                int best = -1;
                for (int j = 0; j < v.jobCount(); j++) {
                    if (v.ready(j) && (best < 0 || v.deadlineNs(j) < v.deadlineNs(best))) {
                        best = j;
                    }
                }
                if (best < 0) {
                    return;
                }
                int n = Math.min(chunk, v.layerCount(best) - v.nextLayer(best));
                int acc = -1;
                long bestLat = Long.MAX_VALUE;
                for (int a = 0; a < v.acceleratorCount(); a++) {
                    if (!v.idle(a)) {
                        continue;
                    }
                    long lat = v.blockLatencyNs(v.jobModel(best), v.jobVariant(best), v.nextLayer(best), n, a);
                    if (lat < bestLat) {
                        bestLat = lat;
                        acc = a;
                    }
                }
                if (acc >= 0) {
                    d.dispatch(best, acc, n);
                    progress = true;
                }
            }
        });
    }

    /** {@code halves}: one layer per block; half of a partitioned accelerator, or a whole idle one. */
    public static SchedulerPolicy halves() {
        return of("halves", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (!v.ready(j)) {
                    continue;
                }
                for (int a = 0; a < v.acceleratorCount(); a++) {
                    boolean partitioned = v.accelerator(a).partitions() > 1;
                    if (partitioned && v.freeShare(a) >= 0.5) {
                        d.dispatch(j, a, 1, 0.5);
                        break;
                    }
                    if (!partitioned && v.idle(a)) {
                        d.dispatch(j, a, 1);
                        break;
                    }
                }
            }
        });
    }

    /**
     * {@code greedy-mimic}: the XRBench LatencyGreedy dispatcher as a test policy (models in byte-wise name order,
     * oldest queued request per model, whole model on the idle accelerator with the lowest latency, lowest index on
     * ties, passes until nothing moves).
     */
    public static SchedulerPolicy xrbenchGreedyMimic() {
        return of("greedy-mimic", (v, d) -> {
            Integer[] models = new Integer[v.taskCount()];
            for (int t = 0; t < models.length; t++) {
                models[t] = t;
            }
            java.util.Arrays.sort(models, java.util.Comparator.comparing(t -> v.task(t).model()));
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int t : models) {
                    int oldest = -1;
                    for (int j = 0; j < v.jobCount(); j++) {
                        if (v.jobTask(j) == t && v.runningOn(j) < 0 && v.nextLayer(j) == 0) {
                            oldest = j;
                            break;
                        }
                    }
                    if (oldest < 0 || !v.ready(oldest)) {
                        continue;
                    }
                    int acc = -1;
                    long best = Long.MAX_VALUE;
                    for (int a = 0; a < v.acceleratorCount(); a++) {
                        long lat = v.remainingLatencyNs(v.jobModel(oldest), 0, 0, a);
                        if (v.idle(a) && lat < best) {
                            best = lat;
                            acc = a;
                        }
                    }
                    if (acc >= 0) {
                        d.dispatch(oldest, acc, v.layerCount(oldest));
                        changed = true;
                    }
                }
            }
        });
    }
}
