package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

/**
 * Issue 11: supernet switching reduces misses under overload at a reported accuracy cost. XRBench VR_gaming with
 * width variants ({@code xrbench/width/VR_gaming}) on one accelerator that runs 70% of the full-width demand (priced by
 * MACs): {@code dream} against {@code dream-nosupernet}, same seed.
 */
class SupernetEndToEndTest {

    static final String SCENARIO = "xrbench/width/VR_gaming";
    static final long SECOND = 1_000_000_000L;

    static RunResult run(org.rtmmlab.api.scheduler.SchedulerPolicy policy) {
        XrbenchScenarioProvider xr = new XrbenchScenarioProvider();
        Scenario s = xr.load(SCENARIO);
        double perNs = 0;
        for (Task t : s.tasks()) {
            perNs += (double) s.model(t.model()).macs() / t.periodNs();
        }
        Platform one = new Platform("rate/one", "one accelerator at 70% of the full-width demand",
                List.of(RateCostModel.accelerator("npu", perNs * 0.7, 1)));
        return EngineRuns.run(xr, new RateCostModel(one), policy, SCENARIO, "rate/one", 3, 2 * SECOND, Map.of());
    }

    @Test
    void underOverloadTheSupernetMissesFewerFramesAndReportsItsAccuracyLoss() {
        RunResult withSupernet = run(new DreamPolicy());
        RunResult fullOnly = run(new DreamNoSupernetPolicy());
        System.out.printf("supernet overload (%s, 70%% capacity, seed 3, 2 s): dream missRate %.4f accuracy.loss %.4f"
                        + " uxcost %.4f levelChanges %.0f | dream-nosupernet missRate %.4f accuracy.loss %.4f uxcost %.4f%n",
                SCENARIO, withSupernet.metric("missRate"), withSupernet.metric("accuracy.loss"),
                withSupernet.metric("uxcost"), withSupernet.metric("dream.levelChanges"),
                fullOnly.metric("missRate"), fullOnly.metric("accuracy.loss"), fullOnly.metric("uxcost"));
        assertEquals(0.0, fullOnly.metric("accuracy.loss"), "full models only");
        assertTrue(withSupernet.metric("dream.levelChanges") > 0, "the level moved");
        double loss = withSupernet.metric("accuracy.loss");
        // the smallest width keeps 50.6 / 70.6 of the accuracy, so the loss is at most 1 - 0.7167
        assertTrue(loss > 0 && loss < 1 - 50.6 / 70.6, "accuracy loss " + loss);
        assertTrue(withSupernet.metric("missRate") < fullOnly.metric("missRate"),
                "dream " + withSupernet.metric("missRate") + " vs dream-nosupernet " + fullOnly.metric("missRate"));
    }
}
