package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.bench.SnapshotContext;
import org.rtmmlab.engine.bench.SnapshotView;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.engine.sim.CostTables;

/**
 * Issue 15: {@link IncrementalPass} against the scan ({@link ScanPass}) on the benchmark's state (the engine's
 * {@link SnapshotView}: N ready jobs of xrbench/VR_gaming, the 4 accelerators of Quad_8K idle, so every call fills 4
 * accelerators and the bound is used 4 times per call). The snapshot does not apply decisions: a dropped job stays in
 * it, which the engine never shows (a dropped job leaves), so with drops on only the first call is compared (the
 * incremental pass forgets what it dropped, the scan drops it again). With drops off, every call is compared.
 */
class SnapshotEquivalenceTest {

    private static final String QUAD = "xrbench/Quad_8K__WS_OS_WS_OS";

    private record Pair(DreamScheduler checked, DreamScheduler reference, SnapshotView a, SnapshotView b) {
    }

    private static Pair pair(int jobs, boolean tune, boolean supernet, Map<String, String> properties) {
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(SnapshotEquivalenceTest.class.getClassLoader(),
                e -> { });
        Evaluator evaluator = new Evaluator(catalog);
        Scenario scenario = evaluator.scenario("xrbench/VR_gaming");
        Platform platform = evaluator.platform(QUAD);
        List<AcceleratorModel> models = new ArrayList<>();
        platform.accelerators().forEach(a -> models.add(catalog.acceleratorModel(a.costModel())));
        CostTables costs = new CostTables(platform, scenario.models(), models);
        SnapshotContext context = new SnapshotContext(scenario, platform, costs, properties);
        DreamSettings settings = DreamSettings.read("dream", Map.of(), properties);
        return new Pair(new DreamScheduler(context, settings, tune, supernet),
                new DreamScheduler(context, settings, tune, supernet, new ScanPass(settings)),
                new SnapshotView(scenario, costs, jobs), new SnapshotView(scenario, costs, jobs));
    }

    private static List<String> decide(DreamScheduler s, SnapshotView v) {
        List<String> log = new ArrayList<>();
        s.decide(v, new Decisions() {
            @Override public void dispatch(int job, int accelerator, int layers, double share) {
                log.add("dispatch " + job + " " + accelerator + " " + layers);
            }
            @Override public void drop(int job) { log.add("drop " + job); }
            @Override public void selectVariant(int job, int variant) { log.add("variant " + job + " " + variant); }
            @Override public void restart(int job) { log.add("restart " + job); }
            @Override public void wakeAt(long timeNs) { log.add("wake " + timeNs); }
        });
        v.advance();
        return log;
    }

    @Test
    void firstCallWithDropsForEveryIdAndSize() {
        for (int jobs : new int[] {16, 256, 4096}) {
            for (int id = 0; id < 4; id++) {
                Pair p = pair(jobs, id % 2 == 0, id < 2, Map.of());
                List<String> want = decide(p.reference(), p.b());
                assertEquals(want, decide(p.checked(), p.a()), jobs + " jobs, variant " + id);
                assertEquals(4, want.stream().filter(d -> d.startsWith("dispatch")).count(), "4 accelerators filled");
                if (jobs == 4096) {
                    assertTrue(want.stream().filter(d -> d.startsWith("drop")).count() > 3000, "hopeless dropped");
                }
            }
        }
    }

    @Test
    void everyCallWithoutDrops() {
        for (Map<String, String> props : List.of(Map.of(DreamSettings.DROP, "false"),
                Map.of(DreamSettings.DROP, "false", DreamSettings.BETA, "0"),
                Map.of(DreamSettings.DROP, "false", DreamSettings.ALPHA, "0"),
                Map.of(DreamSettings.DROP, "false", DreamSettings.MOVE_PENALTY, "5", DreamSettings.LATE_PENALTY, "0"))) {
            Pair p = pair(4096, true, true, props);
            for (int call = 0; call < 20; call++) {
                List<String> want = decide(p.reference(), p.b());
                assertEquals(want, decide(p.checked(), p.a()), "call " + call + " " + props);
                assertTrue(want.stream().filter(d -> d.startsWith("dispatch")).count() == 4, "4 dispatches");
            }
        }
    }
}
