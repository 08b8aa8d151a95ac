package org.rtmmlab.evaluation.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;

/**
 * What {@code evaluation.json} says about one evaluation: enough to list and understand its result without the
 * plugins that made it.
 *
 * @param id         evaluation id
 * @param request    what was asked
 * @param state      its state when written (RUNNING while staged, then final)
 * @param message    one line: why it failed or was cancelled, or empty
 * @param schedulers every scheduler id that decided in it (swapped-in ones included), first use order
 * @param swaps      swaps made, in order
 * @param plugins    bundle symbolic name to version(s) of every plugin used ("1.0.0, 1.1.0" when two)
 * @param runs       its runs, in order
 * @param warnings   non-fatal problems (a reporter that failed, ...)
 * @param submitted  when it was submitted
 * @param started    when its first run started, or null
 * @param ended      when it ended, or null
 */
record EvaluationRecord(String id, EvaluationRequest request, EvaluationState state, String message,
                        List<String> schedulers, List<SchedulerSwap> swaps, Map<String, String> plugins,
                        List<RunEntry> runs, List<String> warnings, Instant submitted, Instant started,
                        Instant ended) {

    /**
     * One run of an evaluation.
     *
     * @param scenario scenario id
     * @param platform platform id
     * @param scheduler scheduler id it started with
     * @param seed     root seed
     * @param dir      its folder relative to the evaluation's ("" for a single run)
     * @param state    FINISHED, CANCELLED, FAILED (or RUNNING / QUEUED while staged)
     * @param message  why it failed, or empty
     */
    record RunEntry(String scenario, String platform, String scheduler, long seed, String dir, EvaluationState state,
                    String message) {
    }

    /** Copies the collections. */
    EvaluationRecord {
        message = message == null ? "" : message;
        schedulers = List.copyOf(schedulers);
        swaps = List.copyOf(swaps);
        plugins = Collections.unmodifiableMap(new TreeMap<>(plugins));
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    /** @return this evaluation marked interrupted (found unfinished at start) */
    EvaluationRecord interrupted(String why, Instant when) {
        return new EvaluationRecord(id, request, EvaluationState.INTERRUPTED, why, schedulers, swaps, plugins, runs,
                warnings, submitted, started, ended == null ? when : ended);
    }
}
