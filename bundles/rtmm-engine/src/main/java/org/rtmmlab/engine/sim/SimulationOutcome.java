package org.rtmmlab.engine.sim;

import java.util.Map;

import org.rtmmlab.engine.metrics.RunMetrics;
import org.rtmmlab.engine.metrics.XrbenchLog;

/**
 * What a finished simulation hands back to the evaluator.
 *
 * @param metrics     accounting, latencies and energies
 * @param compatLog   the float32 XRBench log in compatibility mode, {@code null} otherwise
 * @param simulatedNs simulated time covered, ns
 * @param busyNs      per accelerator: time with at least one block running, ns
 * @param decisions   scheduler calls
 * @param dispatches  blocks dispatched
 * @param events      events processed
 * @param schedulerMetrics figures the scheduler reported ({@link org.rtmmlab.api.scheduler.Scheduler#metrics()})
 */
public record SimulationOutcome(RunMetrics metrics, XrbenchLog compatLog, long simulatedNs, long[] busyNs,
                                long decisions, long dispatches, long events,
                                Map<String, Double> schedulerMetrics) {
}
