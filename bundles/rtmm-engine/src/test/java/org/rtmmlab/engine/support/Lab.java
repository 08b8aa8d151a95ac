package org.rtmmlab.engine.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/** A plugin catalog filled with test plugins, plus builders for tiny scenarios and platforms. */
public final class Lab {

    /** Milliseconds in ns. */
    public static final long MS = 1_000_000L;

    /** the catalog */
    public final DefaultPluginCatalog catalog = new DefaultPluginCatalog();
    /** the fixed cost model */
    public final FixedCostModel costModel = new FixedCostModel();
    /** the scenario provider */
    public final MapScenarioProvider scenarios = new MapScenarioProvider();
    /** the recording reporter */
    public final RecordingReporter recorder = new RecordingReporter();
    /** an evaluator over the catalog */
    public final Evaluator evaluator;

    /** A lab with the fixed cost model, the test scenario provider, the recorder and the standard test policies. */
    public Lab() {
        add(PluginKind.ACCELERATOR_MODEL, costModel);
        add(PluginKind.SCENARIO_PROVIDER, scenarios);
        add(PluginKind.REPORTER, recorder);
        add(PluginKind.SCHEDULER, Policies.fifo());
        add(PluginKind.SCHEDULER, Policies.edfChunks(2));
        add(PluginKind.SCHEDULER, Policies.halves());
        add(PluginKind.SCHEDULER, Policies.xrbenchGreedyMimic());
        evaluator = new Evaluator(catalog);
    }

    /** Adds a plugin. */
    public Lab add(PluginKind kind, RtmmPlugin plugin) {
        catalog.add(new PluginDescriptor(kind, plugin.id(), plugin.description(), "test", "0", plugin));
        return this;
    }

    /** Adds a scheduler policy. */
    public Lab policy(SchedulerPolicy p) {
        return add(PluginKind.SCHEDULER, p);
    }

    /** Registers a scenario. */
    public Scenario scenario(String id, List<Model> models, List<Task> tasks, List<ScenarioEvent> events,
                             long durationNs) {
        Scenario s = new Scenario(id, id, models, tasks, events, durationNs);
        scenarios.add(s);
        return s;
    }

    /** Registers a platform of accelerators priced by the fixed model. */
    public Platform platform(String id, Accelerator... accelerators) {
        Platform p = new Platform(id, id, List.of(accelerators));
        costModel.add(p);
        return p;
    }

    /** @return a one-accelerator platform {@code one} (1 ms per K, 1 uJ per C) */
    public Platform single() {
        return platform("one", FixedCostModel.accelerator("acc0").build());
    }

    /** @return a model whose layers take the given K values (ms on the default accelerator), C = 1 */
    public static Model model(String id, int... ks) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < ks.length; i++) {
            layers.add(Layer.conv("l" + i, 1, ks[i], 1, 1, 1, 1, 1));
        }
        return Model.of(id, "", layers);
    }

    /** @return a run config recording with {@code record} */
    public static RunConfig config(String scenario, String platform, String scheduler, long seed, long durationNs,
                                   boolean compat, Map<String, String> properties) {
        return new RunConfig(scenario, platform, scheduler, seed, durationNs, compat, properties, List.of("record"));
    }
}
