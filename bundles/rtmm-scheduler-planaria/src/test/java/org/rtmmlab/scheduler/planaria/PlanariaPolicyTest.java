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
import org.rtmmlab.api.workload.Task;
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

    /**
     * One 256-PE accelerator with 16 partitions (16 PEs a unit, like Planaria's 16 pods) and models whose single
     * layer takes 10 ns ("M": 160 ns on 1 unit, ceil(160 / k) on k), 1 ns ("U": 16 ns on 1 unit) and, where a second
     * accelerator is given, 5 ns on it.
     */
    private static HandView sixteenPods(boolean withBig) {
        HandView v = new HandView().because(DecisionReason.ARRIVAL.bit());
        v.accelerator("pods", 256, 16);
        if (withBig) {
            v.accelerator("big", 512);
            v.model("M", new long[][] {{10, 5}});
        } else {
            v.model("M", new long[][] {{10}});
            v.model("U", new long[][] {{1}});
        }
        return v;
    }

    private static int task(HandView v, String id, String model, int priority) {
        return v.task(new Task(id, model, SECOND, SECOND, 0, 0, priority, null, 1.0, true));
    }

    @Test
    void whenAllFitSpareUnitsFollowPriorityOverRemainingTimeAndLeftoversGoToTheHighestPriority() {
        HandView v = sixteenPods(false);
        // min-feasible: A (priority 2, slack 160) 1 unit (160 ns), B (1, slack 80) 2 units (80 ns), C (1, slack 40)
        // 4 units (40 ns); 7 used, 9 spare. Weights priority / remaining: A 2/160, B 1/80, C 1/40 = 1 : 1 : 2.
        // Extra = round(w / sum x 9): A round(2.25) = 2, B 2, C round(4.5) = 4 (half to even, as Python's round);
        // 8 given, the 1 left goes to the highest priority, A. A 1+2+1 = 4, B 2+2 = 4, C 4+4 = 8 units.
        // (The old |score| rule, priority / (slack x PEs) = 2 : 1 : 1 with floor, gave A 6, B 4, C 6.)
        v.job(1, task(v, "A", "M", 2)).deadline(160);
        v.job(2, task(v, "B", "M", 1)).deadline(80);
        v.job(3, task(v, "C", "M", 1)).deadline(40);
        assertEquals(List.of("1@podsx1/0.25", "2@podsx1/0.25", "3@podsx1/0.5"), decide(v, Map.of()));
    }

    @Test
    void whenAllFitRoundingUpIsShavedFromTheLowestPriority() {
        HandView v = sixteenPods(false);
        // min-feasible: A (priority 1, slack 20) 8 units (20 ns), B (2, slack 40) 4 (40 ns), C (4, slack 80) 2
        // (80 ns); 14 used, 2 spare. Weights 1/20 = 2/40 = 4/80: equal, each round(2/3) = 1: 3 given, 1 too many,
        // taken back from the lowest priority, A. A 8, B 4+1 = 5, C 2+1 = 3 units.
        // (The old rule, scores 1 : 2 : 4 with floor and the leftover to the highest score, gave A 8, B 4, C 4.)
        v.job(1, task(v, "A", "M", 1)).deadline(20);
        v.job(2, task(v, "B", "M", 2)).deadline(40);
        v.job(3, task(v, "C", "M", 4)).deadline(80);
        assertEquals(List.of("1@podsx1/0.5", "2@podsx1/0.3125", "3@podsx1/0.1875"), decide(v, Map.of()));
    }

    @Test
    void whenAllFitALeftoverAmongEqualPrioritiesGoesToTheHigherScore() {
        HandView v = sixteenPods(false);
        // min-feasible: A (model M, slack 16) 10 units (16 ns), B (model U, slack 16) 1 unit (16 ns); 5 spare.
        // Weights 1/16 each: round(2.5) = 2 each (half to even), 1 left. Both have priority 1: each gets
        // floor(1/2) = 0, the remainder goes to the first in score order, B (1/(16 x 16 PEs) > 1/(16 x 160)).
        // A 10+2 = 12, B 1+2+1 = 4 units. (The old rule, scores 1 : 10, gave A 10, B 6.)
        v.job(1, task(v, "A", "M", 1)).deadline(16);
        v.job(2, task(v, "B", "U", 1)).deadline(16);
        assertEquals(List.of("1@podsx1/0.75", "2@podsx1/0.25"), decide(v, Map.of()));
    }

    @Test
    void whenNotAllFitSpareUnitsFollowTheScoreRoundedWithTheSameFixUps() {
        HandView v = sixteenPods(true);
        // job 9 is infeasible (slack 1 ns; 5 ns on big at best): not all fit. It scores -1/5 and gets the fastest
        // free option, big. On pods: A (priority 1, slack 40) 4 units = 64 PEs, score 1/(40 x 64) = 1/2560; B (3,
        // slack 160) 1 unit = 16 PEs, score 3/(160 x 16) = 3/2560. 11 spare: A round(11/4 = 2.75) = 3, B
        // round(8.25) = 8; A 7, B 9 units. (The old rule: floor 2 and 8, leftover to the highest score: A 6, B 10.)
        v.job(1, task(v, "A", "M", 1)).deadline(40);
        v.job(2, task(v, "B", "M", 3)).deadline(160);
        v.job(9, task(v, "I", "M", 1)).deadline(1);
        assertEquals(List.of("1@podsx1/0.4375", "2@podsx1/0.5625", "9@bigx1"), decide(v, Map.of()));

        HandView w = sixteenPods(true);
        // A (priority 1, slack 20) 8 units = 128 PEs, score 1/(20 x 128) = 1/2560; B (2, slack 320) 1 unit,
        // score 2/(320 x 16) = 1/2560. 7 spare: round(3.5) = 4 each, 1 too many, taken back from the lower
        // priority, A: A 8+3 = 11, B 1+4 = 5 units. (The old rule: 3 each, leftover to A by deadline: A 12, B 4.)
        w.job(1, task(w, "A", "M", 1)).deadline(20);
        w.job(2, task(w, "B", "M", 2)).deadline(320);
        w.job(9, task(w, "I", "M", 1)).deadline(1);
        assertEquals(List.of("1@podsx1/0.6875", "2@podsx1/0.3125", "9@bigx1"), decide(w, Map.of()));
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
        assertEquals("false", p.defaultProperties().get("shareSpare"));
    }
}
