package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

/**
 * Issue 15: {@link IncrementalPass} (live jobs and their costs kept across calls) decides exactly as the scan over the
 * whole view ({@link ScanPass}) at every decision point of real engine runs ({@link DreamTwin}): overload with drops
 * for each of the four ids, a backlog of hundreds of jobs (drops off), scenario events at block granularity, supernet
 * variant switching with adaptive model selection, and the tuner moving the drop tolerance between windows.
 */
class IncrementalPassEquivalenceTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String OVERLOAD = "xrbench/AR_Assistant";
    private static final String DUAL = "xrbench/Dual_4K__WS_OS";

    private static DreamTwin run(DreamTwin twin, String scenario, String platform, long durationNs,
                                 Map<String, String> properties) {
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(DreamTwin.class.getClassLoader(), e -> { });
        add(catalog, PluginKind.SCHEDULER, twin);
        new Evaluator(catalog).run(new RunConfig(scenario, platform, twin.id(), 1, durationNs, false, properties,
                List.of()), null, null);
        report(twin, scenario, platform, properties);
        return twin;
    }

    private static void add(DefaultPluginCatalog c, PluginKind kind, RtmmPlugin p) {
        c.add(new PluginDescriptor(kind, p.id(), p.description(), "test", "0", p));
    }

    private static void report(DreamTwin t, String scenario, String platform, Map<String, String> properties) {
        System.out.printf("%s %s on %s %s: %d calls agree, %d dispatches, %d drops, %d variant selections, "
                        + "up to %d jobs (%d waiting)%n", t.id(), scenario, platform, properties, t.decisions,
                t.dispatches, t.drops, t.variants, t.maxJobs, t.maxLive);
        assertTrue(t.dispatches > 100, "the run dispatched");
    }

    @Test
    void overloadWithDropsForEveryId() {
        assertTrue(run(new DreamTwin(new DreamPolicy(), true, true), OVERLOAD, DUAL, 10 * SECOND, Map.of()).drops
                > 0);
        assertTrue(run(new DreamTwin(new DreamNoSupernetPolicy(), true, false), OVERLOAD, DUAL, 10 * SECOND,
                Map.of()).drops > 0);
        assertTrue(run(new DreamTwin(new DreamNoTunePolicy(), false, true), OVERLOAD, DUAL, 10 * SECOND,
                Map.of()).drops > 0);
        assertTrue(run(new DreamTwin(new DreamStaticPolicy(), false, false), OVERLOAD, DUAL, 10 * SECOND,
                Map.of()).drops > 0);
    }

    @Test
    void backlogOfHundredsWithoutDrops() {
        DreamTwin t = run(new DreamTwin(new DreamStaticPolicy(), false, false), OVERLOAD, DUAL, 8 * SECOND,
                Map.of(DreamSettings.DROP, "false"));
        assertTrue(t.maxLive >= 200, "backlog " + t.maxLive);
    }

    @Test
    void tolerantDropsAndEnergyWeight() {
        // jobs past their deadline stay live (negative urgency) until the tolerance is used up
        assertTrue(run(new DreamTwin(new DreamNoSupernetPolicy(), true, false), OVERLOAD, DUAL, 5 * SECOND,
                Map.of(DreamSettings.DROP_TOLERANCE, "0.3", DreamSettings.BETA, "2")).drops > 0);
    }

    @Test
    void anotherPlatform() {
        run(new DreamTwin(new DreamPolicy(), true, true), "xrbench/social_interactionA",
                "xrbench/Quad_8K__WS_OS_WS_OS", 5 * SECOND, Map.of());
    }

    @Test
    void scenarioEventsAtBlockGranularity() {
        run(new DreamTwin(new DreamPolicy(), true, true), "xrbench/AR_gaming", DUAL, 5 * SECOND,
                Map.of(DreamSettings.BLOCK_LAYERS, "3"));
    }

    @Test
    void supernetSwitchingWithAdaptiveModelSelection() {
        for (boolean tune : new boolean[] {true, false}) {
            XrbenchScenarioProvider xr = new XrbenchScenarioProvider();
            String id = "xrbench/width/VR_gaming";
            Scenario s = xr.load(id);
            double perNs = 0;
            for (Task t : s.tasks()) {
                perNs += (double) s.model(t.model()).macs() / t.periodNs();
            }
            Platform one = new Platform("rate/one", "one accelerator at 70% of the full-width demand",
                    List.of(RateCostModel.accelerator("npu", perNs * 0.7, 1)));
            DreamTwin twin = new DreamTwin(tune ? new DreamPolicy() : new DreamNoTunePolicy(), tune, true);
            DefaultPluginCatalog catalog = new DefaultPluginCatalog();
            add(catalog, PluginKind.SCENARIO_PROVIDER, xr);
            add(catalog, PluginKind.ACCELERATOR_MODEL, new RateCostModel(one));
            add(catalog, PluginKind.SCHEDULER, twin);
            new Evaluator(catalog).run(new RunConfig(id, "rate/one", twin.id(), 3, 2 * SECOND, false, Map.of(),
                    List.of()), null, null);
            report(twin, id, "rate/one", Map.of());
            assertTrue(twin.variants > 0, "variants selected");
        }
    }
}
