package org.rtmmlab.scheduler.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

/**
 * Issue 6: variant selection end to end. XRBench VR_gaming with width variants ({@code xrbench/width/VR_gaming}) on
 * one accelerator priced by MACs, run through the Evaluator.
 */
class EdfAdaptiveEndToEndTest {

    static final String SCENARIO = "xrbench/width/VR_gaming";
    static final long SECOND = 1_000_000_000L;

    /** @return full-width MACs per second the scenario asks for (each task's MACs x its rate) */
    static double demandMacsPerNs() {
        Scenario s = new XrbenchScenarioProvider().load(SCENARIO);
        double perNs = 0;
        for (Task t : s.tasks()) {
            perNs += (double) s.model(t.model()).macs() / t.periodNs();
        }
        return perNs;
    }

    /** Runs with an accelerator of {@code capacity} x the full-width demand. */
    static RunResult run(double capacity, Map<String, String> props) {
        DefaultPluginCatalog catalog = new DefaultPluginCatalog();
        add(catalog, PluginKind.SCENARIO_PROVIDER, new XrbenchScenarioProvider());
        add(catalog, PluginKind.ACCELERATOR_MODEL, new MacCostModel(demandMacsPerNs() * capacity));
        add(catalog, PluginKind.SCHEDULER, new EdfAdaptivePolicy());
        RunConfig config = new RunConfig(SCENARIO, "macs/one", EdfAdaptivePolicy.ID, 3, SECOND, false, props,
                List.of());
        return new Evaluator(catalog).run(config, null, w -> { });
    }

    static void add(DefaultPluginCatalog c, PluginKind kind, RtmmPlugin p) {
        c.add(new PluginDescriptor(kind, p.id(), p.description(), "test", "0", p));
    }

    @Test
    void overloadStepsModelsDownAndTheSummaryShowsTheAccuracyLoss() {
        RunResult adaptive = run(0.7, Map.of());
        RunResult fixed = run(0.7, Map.of(EdfAdaptivePolicy.DOWN, "1000000"));
        assertEquals(0.0, fixed.metric("accuracy.loss"), "never switched: full models only");
        double loss = adaptive.metric("accuracy.loss");
        // the smallest width keeps 50.6 / 70.6 of the accuracy, so the loss is bounded by 1 - 0.7167
        assertTrue(loss > 0.01 && loss < 1 - 50.6 / 70.6, "accuracy loss " + loss);
        assertTrue(adaptive.metric("missRate") < fixed.metric("missRate") - 0.1,
                "adaptive " + adaptive.metric("missRate") + " vs fixed " + fixed.metric("missRate"));
        for (TaskResult t : adaptive.perTask()) {
            double mean = t.metrics().get("accuracy.mean");
            assertTrue(mean >= 50.6 / 70.6 - 1e-12 && mean <= 1.0, t.task() + " " + mean);
        }
    }

    @Test
    void underLightLoadEveryModelRunsFullWidth() {
        RunResult r = run(5.0, Map.of());
        assertEquals(0.0, r.metric("accuracy.loss"));
        assertEquals(0.0, r.metric("missRate"));
    }

    @Test
    void badThresholdsAreClearInputErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(1.0, Map.of(EdfAdaptivePolicy.DOWN, "2", EdfAdaptivePolicy.UP, "2")));
        assertTrue(e.getMessage().endsWith("adaptive.upQueue: must be >= 0 and < adaptive.downQueue (2), got 2"),
                e.getMessage());
    }
}
