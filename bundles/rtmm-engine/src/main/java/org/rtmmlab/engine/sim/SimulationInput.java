package org.rtmmlab.engine.sim;

import java.util.Map;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Scenario;

/**
 * Everything one simulation needs, resolved.
 *
 * @param scenario   the scenario
 * @param platform   the platform
 * @param costs      cost tables for (platform, scenario models)
 * @param policy     the scheduler policy (a fresh scheduler is created per run)
 * @param properties scheduler and engine properties
 * @param seed       root seed
 * @param horizonNs  simulated duration, ns (&gt; 0)
 * @param options    engine options (deadline rule, metric windows, XRBench accuracy factor)
 * @param compat     XRBench compatibility mode
 * @param listener   record stream consumer
 */
public record SimulationInput(Scenario scenario, Platform platform, CostTables costs, SchedulerPolicy policy,
                              Map<String, String> properties, long seed, long horizonNs, EngineOptions options,
                              boolean compat, RecordListener listener) {
}
