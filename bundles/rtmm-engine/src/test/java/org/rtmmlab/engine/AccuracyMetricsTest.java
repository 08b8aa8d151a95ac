package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** Accuracy loss from variant selection: per-task accuracy.mean, run accuracy.loss, XRBench accuracy factor. */
class AccuracyMetricsTest {

    private final Lab lab = new Lab();

    /** Every odd frame of task A runs variant 1 (accuracy 0.8); then FIFO, whole model. */
    static final SchedulerPolicy ODD_SMALL = Policies.of("odd-small", (v, d) -> {
        for (int j = 0; j < v.jobCount(); j++) {
            if (v.nextLayer(j) == 0 && v.jobFrame(j) % 2 == 1 && v.model(v.jobModel(j)).variantCount() > 1
                    && v.jobVariant(j) == 0) {
                d.selectVariant(j, 1);
            }
        }
        for (int j = 0; j < v.jobCount(); j++) {
            if (v.ready(j) && v.idle(0)) {
                d.dispatch(j, 0, v.layerCount(j) - v.nextLayer(j));
            }
        }
    });

    private RunResult run(Map<String, String> props) {
        lab.single();
        lab.policy(ODD_SMALL);
        Model a = new Model("mA", "", List.of(Layer.conv("l0", 1, 2, 1, 1, 1, 1, 1)),
                List.of(new Variant("half", 0.8, List.of(Layer.conv("l0", 1, 1, 1, 1, 1, 1, 1)), "test figure")));
        lab.scenario("acc", List.of(a, Lab.model("mB", 1)),
                List.of(Task.periodic("A", "mA", 10 * MS), Task.periodic("B", "mB", 10 * MS)), List.of(), 100 * MS);
        RunResult r = lab.evaluator.run(Lab.config("acc", "one", "odd-small", 1, 0, false, props), null, w -> { });
        Invariants.check(lab.recorder.last(), r);
        return r;
    }

    @Test
    void accuracyLossIsOneMinusTheMeanRelativeAccuracyOfCompletedRequests() {
        RunResult r = run(Map.of());
        // A: 10 frames, 5 odd ones at 0.8 -> mean 0.9; B: 10 frames at 1.0; run: (5 x 0.8 + 15 x 1) / 20 = 0.95
        assertEquals(10, r.perTask().get(0).frames().onTime());
        assertEquals(0.9, r.perTask().get(0).metrics().get("accuracy.mean"), 1e-12);
        assertEquals(1.0, r.perTask().get(1).metrics().get("accuracy.mean"));
        assertEquals(0.05, r.metric("accuracy.loss"), 1e-12);
        assertEquals(List.of("full", "half"), lab.recorder.last().requests("A").subList(0, 2).stream()
                .map(x -> x.variant()).toList());
    }

    @Test
    void xrbenchAccuracyFactorScalesFrameScoresOnlyWhenAskedFor() {
        RunResult off = run(Map.of());
        RunResult on = run(Map.of("engine.xrbenchAccuracy", "true"));
        double aOff = off.perTask().get(0).metrics().get("xrbench.score");
        double aOn = on.perTask().get(0).metrics().get("xrbench.score");
        // every frame is on time with the same RT and EN terms per variant; factor 0.8 on half of A's frames
        assertFalse(aOff == aOn);
        assertEquals(off.perTask().get(1).metrics().get("xrbench.score"),
                on.perTask().get(1).metrics().get("xrbench.score"), "B runs only full models");
        assertEquals(off.metric("accuracy.loss"), on.metric("accuracy.loss"));
        assertEquals(100 * (aOn + on.perTask().get(1).metrics().get("xrbench.score")) / 2, on.metric("xrbench.score"),
                1e-9);
    }

    @Test
    void aRunOfFullModelsHasNoAccuracyLoss() {
        lab.single();
        lab.scenario("plain", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 10 * MS)), List.of(),
                50 * MS);
        RunResult r = lab.evaluator.run(Lab.config("plain", "one", "fifo", 1, 0, false, Map.of()), null, w -> { });
        assertEquals(0.0, r.metric("accuracy.loss"));
        assertEquals(1.0, r.perTask().get(0).metrics().get("accuracy.mean"));
    }
}
