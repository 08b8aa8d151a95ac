package org.rtmmlab.evaluation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to evaluate: one run (one scenario, platform, scheduler and seed) or a comparison (the cartesian product of
 * the lists, judged against {@code baseline}).
 *
 * @param scenarios  scenario ids or files (not empty)
 * @param platforms  platform ids or files (not empty)
 * @param schedulers scheduler policy ids (not empty)
 * @param seeds      root seeds (not empty)
 * @param durationNs simulated time per run, ns; 0 = each scenario's default
 * @param xrbenchCompat XRBench compatibility mode
 * @param properties scheduler and engine properties ({@code engine.*}), as {@code --set}
 * @param reporters  reporter ids (files per run), e.g. json, csv, html, trace
 * @param pace       simulated seconds per wall second ({@code 1} = real time, {@code 10} = ten times faster);
 *                   0 = as fast as possible ({@code max}, the default for batch work)
 * @param baseline   scheduler the others are compared with (comparisons); {@code null} = the first scheduler
 */
public record EvaluationRequest(List<String> scenarios, List<String> platforms, List<String> schedulers,
                                List<Long> seeds, long durationNs, boolean xrbenchCompat,
                                Map<String, String> properties, List<String> reporters, double pace,
                                String baseline) {

    /** Checks the lists and copies them. */
    public EvaluationRequest {
        scenarios = nonEmpty(scenarios, "scenarios");
        platforms = nonEmpty(platforms, "platforms");
        schedulers = nonEmpty(schedulers, "schedulers");
        seeds = nonEmpty(seeds, "seeds");
        if (durationNs < 0) {
            throw new IllegalArgumentException("durationNs < 0: " + durationNs);
        }
        if (!(pace >= 0) || Double.isInfinite(pace)) {
            throw new IllegalArgumentException("pace must be a finite number >= 0 (0 = max): " + pace);
        }
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        reporters = reporters == null ? List.of() : List.copyOf(reporters);
    }

    private static <T> List<T> nonEmpty(List<T> list, String field) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return List.copyOf(list);
    }

    /** A single run at full speed with the default reporters (json, csv, html). */
    public static EvaluationRequest run(String scenario, String platform, String scheduler, long seed) {
        return new EvaluationRequest(List.of(scenario), List.of(platform), List.of(scheduler), List.of(seed), 0, false,
                Map.of(), List.of("json", "csv", "html"), 0, null);
    }

    /** @return true if this is one run (every list has one element) */
    public boolean isSingleRun() {
        return scenarios.size() == 1 && platforms.size() == 1 && schedulers.size() == 1 && seeds.size() == 1;
    }

    /** @return this request at another pace (0 = max) */
    public EvaluationRequest withPace(double simSecondsPerWallSecond) {
        return new EvaluationRequest(scenarios, platforms, schedulers, seeds, durationNs, xrbenchCompat, properties,
                reporters, simSecondsPerWallSecond, baseline);
    }
}
