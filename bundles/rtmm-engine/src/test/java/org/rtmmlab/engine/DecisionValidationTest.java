package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** Every decision is validated; a broken policy fails its own run only, with a message naming it. */
class DecisionValidationTest {

    private final Lab lab = new Lab();

    @BeforeEach
    void scenario() {
        lab.platform("pair", FixedCostModel.accelerator("acc0").build(), FixedCostModel.accelerator("acc1").build(),
                FixedCostModel.accelerator("split").partitions(2).build());
        Model m = new Model("m", "", List.of(Layer.conv("a", 1, 1, 1, 1, 1, 1, 1), Layer.conv("b", 1, 1, 1, 1, 1, 1, 1)),
                List.of(new Variant("small", 0.9, List.of(Layer.conv("s", 1, 1, 1, 1, 1, 1, 1)), "")));
        lab.scenario("v", List.of(m), List.of(Task.periodic("T", "m", 10 * MS), Task.periodic("U", "m", 10 * MS)),
                List.of(), 30 * MS);
    }

    private SchedulingException failing(String id, BiConsumer<SchedulerView, Decisions> decide) {
        lab.policy(Policies.of(id, decide));
        SchedulingException e = assertThrows(SchedulingException.class,
                () -> lab.evaluator.run(Lab.config("v", "pair", id, 1, 0, false, Map.of()), null, null));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
        assertEquals(id, e.policy());
        return e;
    }

    private static void contains(SchedulingException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void busyAccelerator() {
        contains(failing("busy", (v, d) -> {
            if (v.jobCount() >= 2) {
                d.dispatch(0, 0, 1);
                d.dispatch(1, 0, 1);
            }
        }), "dispatch(job 1, accelerator 0, layers 1", "busy");
    }

    @Test
    void unknownJob() {
        contains(failing("ghost", (v, d) -> d.dispatch(99, 0, 1)), "unknown job index 99");
    }

    @Test
    void unknownAccelerator() {
        contains(failing("noacc", (v, d) -> d.dispatch(0, 7, 1)), "unknown accelerator index 7");
    }

    @Test
    void layerCountBelowOne() {
        contains(failing("zero", (v, d) -> d.dispatch(0, 0, 0)), "layer count must be >= 1");
    }

    @Test
    void layersBeyondTheEnd() {
        contains(failing("toolong", (v, d) -> d.dispatch(0, 0, 3)), "beyond the end");
    }

    @Test
    void jobAlreadyRunning() {
        contains(failing("twice", (v, d) -> {
            d.dispatch(0, 0, 1);
            d.dispatch(0, 1, 1);
        }), "not ready", "running on accelerator 0");
    }

    @Test
    void variantChangeAfterTheFirstLayer() {
        contains(failing("variant", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j) && v.nextLayer(j) == 1) {
                    d.selectVariant(j, 1);
                }
                if (v.ready(j) && v.nextLayer(j) == 0 && v.idle(0)) {
                    d.dispatch(j, 0, 1);
                }
            }
        }), "variant change after the first layer");
    }

    @Test
    void wakeUpInThePast() {
        contains(failing("past", (v, d) -> d.wakeAt(v.now())), "not in the future");
    }

    @Test
    void shareOnAnUnpartitionedAccelerator() {
        contains(failing("half", (v, d) -> d.dispatch(0, 0, 1, 0.5)), "one partition");
    }

    @Test
    void sharesThatDoNotFit() {
        contains(failing("overfull", (v, d) -> {
            if (v.jobCount() >= 2) {
                d.dispatch(0, 2, 1, 0.75);
                d.dispatch(1, 2, 1, 0.5);
            }
        }), "share does not fit");
    }

    @Test
    void droppingARunningJob() {
        contains(failing("droprun", (v, d) -> {
            d.dispatch(0, 0, 1);
            d.drop(0);
        }), "only waiting jobs can be dropped");
    }

    @Test
    void aThrowingPolicyFailsOnlyItsRun() {
        SchedulingException e = failing("boom", (v, d) -> {
            throw new IllegalStateException("kaboom");
        });
        contains(e, "decide() threw", "kaboom");
        // the same evaluator keeps working for other policies
        RunResult ok = lab.evaluator.run(Lab.config("v", "pair", "fifo", 1, 0, false, Map.of()), null, null);
        assertEquals(6, ok.frames().released());
    }

    @Test
    void aPolicyThatFailsToCreateItsSchedulerFailsTheRun() {
        lab.policy(Policies.of("nocreate", ctx -> {
            throw new UnsupportedOperationException("no");
        }));
        SchedulingException e = assertThrows(SchedulingException.class,
                () -> lab.evaluator.run(Lab.config("v", "pair", "nocreate", 1, 0, false, Map.of()), null, null));
        contains(e, "'nocreate'", "create() threw");
    }

    @Test
    void aPolicyRejectingItsPropertiesIsAnInputError() {
        lab.policy(Policies.of("props", ctx -> {
            ctx.doubleProperty("alpha", 1);
            return (v, d) -> { };
        }));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> lab.evaluator.run(Lab.config("v", "pair", "props", 1, 0, false, Map.of("alpha", "x")), null,
                        null));
        assertTrue(e.getMessage().contains("props") && e.getMessage().contains("alpha"), e.getMessage());
    }

    @Test
    void validVariantSharesRestartAndTimersRun() {
        lab.policy(Policies.of("fancy", ctx -> new org.rtmmlab.api.scheduler.Scheduler() {
            private boolean restarted;

            @Override
            public void decide(SchedulerView v, Decisions d) {
                for (int j = 0; j < v.jobCount(); j++) {
                    if (!v.ready(j)) {
                        continue;
                    }
                    if (v.jobTask(j) == 1 && v.nextLayer(j) == 0) {
                        d.selectVariant(j, 1);
                    }
                    if (!restarted && v.nextLayer(j) == 1) {
                        d.restart(j);
                        restarted = true;
                    }
                    if (v.freeShare(2) >= 0.5) {
                        d.dispatch(j, 2, 1, 0.5);
                    }
                }
                d.wakeAt(v.now() + MS / 2);
            }
        }));
        RunResult r = lab.evaluator.run(Lab.config("v", "pair", "fancy", 1, 0, false, Map.of()), null, null);
        org.rtmmlab.engine.support.Invariants.check(lab.recorder.last(), r);
        assertEquals(6, r.frames().released());
        assertEquals(0, r.frames().inFlight() + r.frames().dropped());
        assertTrue(lab.recorder.last().requests("U").stream().allMatch(q -> q.variant().equals("small")
                && q.accuracy() == 0.9));
        // half a partition doubles the latency: the full model takes 2 x 2 ms (one restart adds 2 ms once)
        assertTrue(lab.recorder.last().blocks.stream().allMatch(b -> b.share() == 0.5
                && b.endNs() - b.startNs() == 2 * MS));
        assertTrue(r.metric("decisions") > 30, "timers call the scheduler every 0.5 ms");
    }
}
