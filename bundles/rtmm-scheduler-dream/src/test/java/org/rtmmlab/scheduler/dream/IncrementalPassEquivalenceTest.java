package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.testkit.engine.RecordedTwinRun;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

/**
 * Issue 15: {@link IncrementalPass} (live jobs and their costs kept across calls) decides exactly as the scan over the
 * whole view ({@link ScanPass}) at every decision point of real engine runs: each run is made once with each
 * ({@link RecordedTwinRun}: drops and variant selections applied, both hear every ended request, their metrics at the
 * end must be equal). Cells: overload with drops for each of the four ids, a backlog of hundreds of jobs (drops off),
 * scenario events at block granularity, supernet variant switching with adaptive model selection, and the tuner moving
 * the drop tolerance between windows.
 */
class IncrementalPassEquivalenceTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String OVERLOAD = "xrbench/AR_Assistant";
    private static final String DUAL = "xrbench/Dual_4K__WS_OS";

    /** @return the twin run of {@code policy}: the incremental pass checked against the scan */
    private static RecordedTwinRun twin(DreamPolicyBase policy, boolean tune, boolean supernet, String scenario,
                                        String platform, long durationNs) {
        return RecordedTwinRun.of(policy,
                c -> new DreamScheduler(c, settings(policy, c), tune, supernet),
                c -> new DreamScheduler(c, settings(policy, c), tune, supernet, new ScanPass(settings(policy, c))),
                scenario, platform, durationNs);
    }

    private static DreamSettings settings(DreamPolicyBase policy, SchedulerContext c) {
        return DreamSettings.read(policy.id(), Map.of(), c.properties());
    }

    private static RecordedTwinRun.Counts run(DreamPolicyBase policy, boolean tune, boolean supernet, String scenario,
                                              String platform, long durationNs, Map<String, String> properties) {
        RecordedTwinRun.Counts c = twin(policy, tune, supernet, scenario, platform, durationNs)
                .withProperties(properties).run();
        report(c, policy.id() + " " + scenario + " on " + platform + " " + properties);
        return c;
    }

    private static void report(RecordedTwinRun.Counts c, String what) {
        System.out.printf("%s: %d calls agree, %d dispatches, %d drops, %d variant selections, up to %d jobs "
                + "(%d waiting)%n", what, c.decisions(), c.dispatches(), c.drops(), c.selections(), c.maxJobs(),
                c.maxWaiting());
        assertTrue(c.dispatches() > 100, "the run dispatched");
    }

    @Test
    void overloadWithDropsForEveryId() {
        assertTrue(run(new DreamPolicy(), true, true, OVERLOAD, DUAL, 10 * SECOND, Map.of()).drops() > 0);
        assertTrue(run(new DreamNoSupernetPolicy(), true, false, OVERLOAD, DUAL, 10 * SECOND, Map.of()).drops() > 0);
        assertTrue(run(new DreamNoTunePolicy(), false, true, OVERLOAD, DUAL, 10 * SECOND, Map.of()).drops() > 0);
        assertTrue(run(new DreamStaticPolicy(), false, false, OVERLOAD, DUAL, 10 * SECOND, Map.of()).drops() > 0);
    }

    @Test
    void backlogOfHundredsWithoutDrops() {
        RecordedTwinRun.Counts c = run(new DreamStaticPolicy(), false, false, OVERLOAD, DUAL, 8 * SECOND,
                Map.of(DreamSettings.DROP, "false"));
        assertTrue(c.maxWaiting() >= 200, "backlog " + c.maxWaiting());
    }

    @Test
    void tolerantDropsAndEnergyWeight() {
        // jobs past their deadline stay live (negative urgency) until the tolerance is used up
        assertTrue(run(new DreamNoSupernetPolicy(), true, false, OVERLOAD, DUAL, 5 * SECOND,
                Map.of(DreamSettings.DROP_TOLERANCE, "0.3", DreamSettings.BETA, "2")).drops() > 0);
    }

    @Test
    void anotherPlatform() {
        run(new DreamPolicy(), true, true, "xrbench/social_interactionA", "xrbench/Quad_8K__WS_OS_WS_OS", 5 * SECOND,
                Map.of());
    }

    @Test
    void scenarioEventsAtBlockGranularity() {
        run(new DreamPolicy(), true, true, "xrbench/AR_gaming", DUAL, 5 * SECOND,
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
            DreamPolicyBase policy = tune ? new DreamPolicy() : new DreamNoTunePolicy();
            RecordedTwinRun.Counts c = twin(policy, tune, true, id, "rate/one", 2 * SECOND).withSeed(3)
                    .withCatalog(DefaultPluginCatalog::new).withPlugin(xr)
                    .withPlugin(new RateCostModel(one)).run();
            report(c, policy.id() + " " + id + " on rate/one {}");
            assertTrue(c.selections() > 0, "variants selected");
        }
    }
}
