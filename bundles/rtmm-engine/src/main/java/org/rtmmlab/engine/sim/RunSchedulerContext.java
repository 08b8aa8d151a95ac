package org.rtmmlab.engine.sim;

import java.util.Map;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Scenario;

/** The {@link SchedulerContext} handed to a policy when the engine creates the scheduler of one run. */
record RunSchedulerContext(Scenario scenario, Platform platform, CostView costs, boolean xrbenchCompat, long seed,
                           Map<String, String> properties) implements SchedulerContext {
}
