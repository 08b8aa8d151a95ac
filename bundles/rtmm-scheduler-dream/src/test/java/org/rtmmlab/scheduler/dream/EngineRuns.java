package org.rtmmlab.scheduler.dream;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/** Runs a DREAM policy through the real engine ({@link Evaluator}) with a test scenario provider and cost model. */
final class EngineRuns {

    private EngineRuns() {
    }

    static RunResult run(ScenarioProvider scenarios, AcceleratorModel costs, SchedulerPolicy policy, String scenario,
                         String platform, long seed, long durationNs, Map<String, String> properties) {
        DefaultPluginCatalog catalog = new DefaultPluginCatalog();
        add(catalog, PluginKind.SCENARIO_PROVIDER, scenarios);
        add(catalog, PluginKind.ACCELERATOR_MODEL, costs);
        add(catalog, PluginKind.SCHEDULER, policy);
        RunConfig config = new RunConfig(scenario, platform, policy.id(), seed, durationNs, false, properties,
                List.of());
        return new Evaluator(catalog).run(config, null, w -> { });
    }

    private static void add(DefaultPluginCatalog c, PluginKind kind, RtmmPlugin p) {
        c.add(new PluginDescriptor(kind, p.id(), p.description(), "test", "0", p));
    }
}
