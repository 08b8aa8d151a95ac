package org.rtmmlab.scheduler.planaria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/** Planaria's allocation on hand-computable views: shares of a 4-way partitioned accelerator, whole accelerators. */
class PlanariaPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    /** One 64-PE accelerator with 4 partitions; a model of 2 layers of 10 ns (20 ns whole, 80 ns on a quarter). */
    private static HandView pods() {
        HandView v = new HandView().because(DecisionReason.ARRIVAL.bit());
        v.accelerator("pods", 64, 4);
        v.model("M", new long[][] {{10}, {10}});
        return v;
    }

    private static List<String> decide(HandView v, Map<String, String> properties) {
        HandDecisions d = new HandDecisions(v);
        new PlanariaPolicy().create(v.context(properties)).decide(v, d);
        return d.log();
    }

    @Test
    void aTightSlackTaskGetsMoreResourcesThanALooseOne() {
        HandView v = pods();
        int tight = v.task("tight", 0, SECOND);
        int loose = v.task("loose", 0, SECOND);
        // tight: slack 30 ns: 1 unit 80, 2 units 40, 3 units 27 ns: needs 3; loose: slack 1000 ns: 1 unit suffices
        v.job(1, tight).deadline(30);
        v.job(2, loose).deadline(1000);
        assertEquals(List.of("1@podsx1/0.75", "2@podsx1/0.25"), decide(v, Map.of()));
    }

    @Test
    void whenNotAllFitTheHighestPriorityOverSlackTimesResourcesGoFirst() {
        HandView v = pods();
        int t = v.task("t", 0, SECOND);
        // each needs 2 units (slack 45 ns: 2 units take 40 ns); scores 1/(45 x 32): all equal, so deadline, then id
        // order; only two fit, the third waits (no units left)
        v.job(3, t).deadline(45);
        v.job(1, t).deadline(46);
        v.job(2, t).deadline(45);
        assertEquals(List.of("3@podsx1/0.5", "2@podsx1/0.5"), decide(v, Map.of()));
    }

    @Test
    void spareUnitsAreSharedByScoreAndCanBeKeptUnallocated() {
        HandView v = pods();
        v.job(1, v.task("t", 0, SECOND)).deadline(1000); // needs 1 unit, gets all 4 spare
        assertEquals(List.of("1@podsx1"), decide(v, Map.of()));
        assertEquals(List.of("1@podsx1/0.25"), decide(v, Map.of("shareSpare", "false")));
    }

    @Test
    void onWholeAcceleratorsTheLooseTaskGetsTheSmallerOneAndTheTightTaskTheBigOne() {
        HandView v = new HandView().because(DecisionReason.ARRIVAL.bit());
        v.accelerator("big", 128);
        v.accelerator("small", 32);
        int m = v.model("M", new long[][] {{10, 40}});
        int t = v.task("t", m, SECOND);
        v.job(1, t).deadline(1000); // both feasible: the 32-PE accelerator is the fewest resources
        v.job(2, t).deadline(20);   // only big is feasible (10 ns <= 20 ns)
        assertEquals(List.of("1@smallx1", "2@bigx1"), decide(v, Map.of()));
    }

    @Test
    void anInfeasibleTaskStillGetsTheFastestFreeResource() {
        HandView v = new HandView().because(DecisionReason.ARRIVAL.bit());
        v.accelerator("big", 128);
        v.accelerator("small", 32);
        v.job(1, v.task("t", v.model("M", new long[][] {{10, 40}}), SECOND)).deadline(5);
        assertEquals(List.of("1@bigx1"), decide(v, Map.of()));
    }

    @Test
    void underOverloadTheInfeasibleJobClosestToTheEndKeepsTheAccelerator() {
        HandView v = new HandView().because(DecisionReason.ARRIVAL.bit()).at(100);
        v.accelerator("npu", 64);
        int t = v.task("t", v.model("M", new long[][] {{10}, {10}, {10}, {10}}), SECOND);
        v.job(1, t).arrival(50).deadline(90).next(3).ranOn(0, 100); // late, 10 ns left
        v.job(2, t).arrival(100).deadline(130);                     // 40 ns > 30 ns slack: infeasible too
        assertEquals(List.of("1@npux1"), decide(v, Map.of()));
    }

    @Test
    void theAllocationOnlyChangesOnArrivalsAndEndsSoBlocksKeepTheirShare() {
        HandView v = pods();
        int t = v.task("t", 0, SECOND);
        v.job(1, t).deadline(30);
        Scheduler s = new PlanariaPolicy().create(v.context(Map.of("shareSpare", "false")));
        HandDecisions first = new HandDecisions(v);
        s.decide(v, first);
        assertEquals(List.of("1@podsx1/0.75"), first.log());
        HandView later = pods().because(DecisionReason.BLOCK_DONE.bit()).at(27);
        int t2 = later.task("t", 0, SECOND);
        later.job(1, t2).deadline(30).next(1).ranOn(0, 27); // slack 3 ns now: but no re-allocation on a block end
        HandDecisions second = new HandDecisions(later);
        s.decide(later, second);
        assertEquals(List.of("1@podsx1/0.75"), second.log());
    }

    @Test
    void badPropertiesNameThePolicyAndTheKey() {
        HandView v = pods();
        v.task("t", 0, SECOND);
        for (Map.Entry<String, String> bad : Map.of("blockLayers", "-1", "shareSpare", "yes").entrySet()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new PlanariaPolicy().create(v.context(Map.of(bad.getKey(), bad.getValue()))));
            assertEquals("planaria", e.source());
            assertEquals(bad.getKey(), e.path());
        }
        PlanariaPolicy p = new PlanariaPolicy();
        p.configure(Map.of("shareSpare", false));
        assertTrue(p.defaultProperties().get("shareSpare").startsWith("false "));
    }
}
