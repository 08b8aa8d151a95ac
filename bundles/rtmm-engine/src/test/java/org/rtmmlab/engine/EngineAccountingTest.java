package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.metrics.UxCost;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/**
 * Energy at the horizon, the deadline rule after a restart, schedule-independent cascade draws, UXCost and the
 * compatibility mode's whole-model rule. The fixed cost model: a layer of K takes K ms and C uJ on {@code acc0}.
 */
class EngineAccountingTest {

    private final Lab lab = new Lab();

    @Test
    void aBlockRunningAtTheHorizonBooksTheEnergyOfItsElapsedPart() {
        // One 10 ms layer of 4 uJ (C = 4) released at 0; the horizon at 4 ms cuts it at 40 %: 1.6 uJ = 1.6e-3 mJ.
        lab.single();
        lab.scenario("cut", List.of(Model1.of()), List.of(Task.periodic("t", "m", 100 * MS)), List.of(), 4 * MS);
        RunResult r = lab.evaluator.run(Lab.config("cut", "one", "fifo", 1, 0, false, Map.of()), null, null);
        assertEquals(1, r.frames().inFlight());
        assertEquals(1.6e-3, r.metric("energy.unfinished.mJ"), 1e-12);
        assertEquals(0, r.metric("energy.dynamic.mJ"), 0, "no block finished");
        assertEquals(1.6e-3, r.energyMj(), 1e-12, "the accelerator was busy the whole run: no idle energy either");
        RequestRecord q = lab.recorder.last().requests("t").get(0);
        assertEquals(Outcome.IN_FLIGHT, q.outcome());
        assertEquals(1.6e6, q.energyPj(), 1e-3, "the in-flight request carries its energy so far");
    }

    /** One layer of K = 10 (10 ms) and C = 4 (4 uJ). */
    private static final class Model1 {
        static org.rtmmlab.api.workload.Model of() {
            return org.rtmmlab.api.workload.Model.of("m", "", List.of(
                    org.rtmmlab.api.workload.Layer.conv("l0", 1, 10, 4, 1, 1, 1, 1)));
        }
    }

    @Test
    void aRestartedJobFallsUnderTheDeadlineRuleAgain() {
        // Model of two 3 ms layers, deadline 5 ms. The policy runs layer 0 (0-3 ms, so the job has started when its
        // deadline check passes at 5 ms), restarts the job at 3 ms and then leaves it waiting: unstarted again and
        // past its deadline at 5 ms, it must be dropped by the deadline rule, not stay queued to the horizon.
        lab.single();
        lab.scenario("rs", List.of(Lab.model("m2", 3, 3)), List.of(new Task("t", "m2", 100 * MS, 5 * MS, 0, 0, 1,
                null, 1.0, true)), List.of(), 20 * MS);
        lab.policy(Policies.of("restart-once", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (!v.ready(j)) {
                    continue;
                }
                if (v.nextLayer(j) == 0 && v.now() == 0 && v.idle(0)) {
                    d.dispatch(j, 0, 1);
                } else if (v.nextLayer(j) == 1) {
                    d.restart(j);
                }
            }
        }));
        RunResult r = lab.evaluator.run(Lab.config("rs", "one", "restart-once", 1, 0, false, Map.of()), null, null);
        RequestRecord q = lab.recorder.last().requests("t").get(0);
        assertEquals(Outcome.DROPPED, q.outcome());
        assertEquals(DropCause.DEADLINE, q.dropCause());
        assertEquals(5 * MS, q.finishNs(), "dropped at its deadline");
        assertEquals(1, r.frames().dropped());
    }

    @Test
    void cascadeDrawsDoNotDependOnTheSchedule() {
        // U1 and U2 are released together every 10 ms and each triggers its own downstream task with p = 0.5. fifo
        // finishes U1 first, "reverse" (newest release first) finishes U2 first: a draw sequence shared in completion
        // order would hand the two edges each other's draws. The same seed must trigger the same frames under both.
        lab.single();
        lab.scenario("two-edges", List.of(Lab.model("mU", 1), Lab.model("mD", 1)),
                List.of(Task.periodic("U1", "mU", 10 * MS), Task.periodic("U2", "mU", 10 * MS),
                        Task.cascaded("D1", "mD", 10 * MS, "U1", 0.5), Task.cascaded("D2", "mD", 10 * MS, "U2", 0.5)),
                List.of(), 1000 * MS);
        lab.policy(Policies.of("reverse", (v, d) -> {
            for (int j = v.jobCount() - 1; j >= 0; j--) {
                if (v.ready(j) && v.idle(0)) {
                    d.dispatch(j, 0, v.layerCount(j));
                }
            }
        }));
        List<List<Long>> fifo = downstream("fifo");
        List<List<Long>> reverse = downstream("reverse");
        assertTrue(fifo.get(0).size() > 25 && fifo.get(0).size() < 75, "about half of 100 frames: " + fifo.get(0));
        assertEquals(fifo, reverse);
    }

    private List<List<Long>> downstream(String policy) {
        RunResult r = lab.evaluator.run(Lab.config("two-edges", "one", policy, 3, 0, false, Map.of()), null, null);
        Invariants.check(lab.recorder.last(), r);
        return List.of(frames("D1"), frames("D2"));
    }

    private List<Long> frames(String task) {
        return lab.recorder.last().requests(task).stream().map(RequestRecord::frame).toList();
    }

    @Test
    void uxCostIsEnergyOverReferenceTimesViolationRate() {
        // Hand-computed: E = 30 mJ, E_ref = 20 mJ, 10 released of which 2 late and 1 dropped: V = 0.3, UXCost = 0.45.
        Map<String, Double> m = UxCost.figures(30, 20, new org.rtmmlab.api.run.FrameCounts(10, 6, 2, 1, 1), 0);
        assertEquals(0.45, m.get(UxCost.UXCOST), 1e-12);
        assertEquals(1.5, m.get(UxCost.ENERGY_RATIO), 1e-12);
        assertEquals(0.2, m.get(UxCost.VIOLATION_LATE), 1e-12);
        assertEquals(0.1, m.get(UxCost.VIOLATION_DROPPED), 1e-12);
        assertEquals(1.0, m.get(UxCost.LABEL));
        Map<String, Double> perfect = UxCost.figures(30, 20, new org.rtmmlab.api.run.FrameCounts(10, 10, 0, 0, 0), 0.01);
        assertEquals(1.5 * 0.01, perfect.get(UxCost.UXCOST), 1e-12, "the floor keeps ranking perfect runs by energy");
        assertTrue(UxCost.figures(0, 0, new org.rtmmlab.api.run.FrameCounts(0, 0, 0, 0, 0), 0).isEmpty());
    }

    @Test
    void runsReportUxCostAgainstTheMinimumEnergyReference() {
        // Two accelerators: acc0 1 ms per K and 1 uJ per C; acc1 (energy x 0.5) cheaper. 3 frames of a 1-layer model
        // (K 2, C 4): E_ref = 3 x 2 uJ = 6e-3 mJ whichever accelerator fifo uses.
        lab.platform("two", org.rtmmlab.engine.support.FixedCostModel.accelerator("acc0").build(),
                org.rtmmlab.engine.support.FixedCostModel.accelerator("acc1").attribute("pjPerC", "500000").build());
        lab.scenario("ux", List.of(org.rtmmlab.api.workload.Model.of("m", "", List.of(
                org.rtmmlab.api.workload.Layer.conv("l0", 1, 2, 4, 1, 1, 1, 1)))),
                List.of(Task.periodic("t", "m", 10 * MS)), List.of(), 30 * MS);
        RunResult r = lab.evaluator.run(Lab.config("ux", "two", "fifo", 1, 0, false, Map.of()), null, null);
        assertEquals(3, r.frames().released());
        assertEquals(6e-3, r.metric(UxCost.ENERGY_REF), 1e-12);
        assertEquals(r.energyMj() / 6e-3, r.metric(UxCost.ENERGY_RATIO), 1e-9);
        assertEquals(0, r.metric(UxCost.UXCOST), 0, "no late or dropped frame, no floor");
    }

    @Test
    void compatibilityModeRejectsAPartialModelDispatchNamingThePolicy() {
        lab.single();
        lab.scenario("c", List.of(Lab.model("m", 1, 1)), List.of(Task.periodic("t", "m", 10 * MS)), List.of(),
                30 * MS);
        SchedulingException e = assertThrows(SchedulingException.class, () -> lab.evaluator.run(
                Lab.config("c", "one", "halves", 1, 0, true, Map.of()), null, null));
        assertTrue(e.getMessage().contains("halves") && e.getMessage().contains("whole models"), e.getMessage());
    }
}
