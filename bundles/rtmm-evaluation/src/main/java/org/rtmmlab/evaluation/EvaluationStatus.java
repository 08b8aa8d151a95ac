package org.rtmmlab.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * A snapshot of one evaluation, immutable; the service hands out a new one on every change.
 *
 * @param id          evaluation id
 * @param request     what was asked
 * @param state       where it is
 * @param message     one line: why it failed, what it waits for ({@code waiting for scheduler X}), or empty
 * @param scheduler   the scheduler deciding now (single runs; after a swap the new one), or the current run's
 * @param runsDone    runs finished (comparisons; 0 or 1 for a single run)
 * @param runsTotal   runs in the evaluation
 * @param simulatedNs simulated time reached by the current run, ns
 * @param horizonNs   simulated duration of the current run, ns (0 until it is known)
 * @param live        live figures of the current run so far: {@code xrbench.score}, {@code missRate},
 *                    {@code energy.mJ}, {@code released}, {@code onTime}, {@code late}, {@code dropped}
 * @param windows     one point per closed metrics window of the current run, in time order
 * @param swaps       scheduler swaps that took effect, in time order
 * @param resultDir   where its results are (or will be) published
 * @param submitted   when it was submitted (wall clock)
 * @param ended       when it reached a final state, or {@code null}
 */
public record EvaluationStatus(String id, EvaluationRequest request, EvaluationState state, String message,
                               String scheduler, int runsDone, int runsTotal, long simulatedNs, long horizonNs,
                               Map<String, Double> live, List<WindowPoint> windows, List<SchedulerSwap> swaps,
                               Path resultDir, Instant submitted, Instant ended) {

    /** Copies the collections. */
    public EvaluationStatus {
        message = message == null ? "" : message;
        live = live == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(live));
        windows = windows == null ? List.of() : List.copyOf(windows);
        swaps = swaps == null ? List.of() : List.copyOf(swaps);
    }

    /**
     * Figures of one metrics window ({@code [startNs, endNs)}, {@code engine.window} wide) of the running
     * evaluation, counted by the time things happened in it (releases, requests ending, blocks finishing), for live
     * charts; summary.json's {@code window.<i>.*} metrics count by release time instead.
     *
     * @param startNs   window start, ns
     * @param endNs     window end, ns
     * @param scheduler the scheduler that decided at the end of the window
     * @param released  requests released in the window
     * @param missRate  (late + dropped) / ended in the window, 0 when none ended
     * @param energyMj  dynamic + switch energy of the blocks that finished in the window, mJ
     * @param score     XRBench-style score of the requests that ended in the window, 0..100
     */
    public record WindowPoint(long startNs, long endNs, String scheduler, long released, double missRate,
                              double energyMj, double score) {
    }
}
