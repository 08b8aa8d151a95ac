package org.rtmmlab.engine.sim;

import java.util.Map;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.metrics.WindowMetrics;

/**
 * The {@link SchedulerContext} handed to a policy when the engine creates the scheduler of one run.
 *
 * @param windows the run's per-window metrics, or {@code null} when they are off
 */
record RunSchedulerContext(Scenario scenario, Platform platform, CostView costs, boolean xrbenchCompat, long seed,
                           Map<String, String> properties, long horizonNs, WindowMetrics windows)
        implements SchedulerContext {

    @Override
    public long windowNs() {
        return windows == null ? 0 : windows.windowNs();
    }

    @Override
    public String windowPrefix(int window) {
        return windows == null ? SchedulerContext.super.windowPrefix(window) : windows.prefix(window);
    }
}
