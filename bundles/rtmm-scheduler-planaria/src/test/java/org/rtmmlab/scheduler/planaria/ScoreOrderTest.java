package org.rtmmlab.scheduler.planaria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.testkit.HandView;

/**
 * The heap order of {@link ScoreOrder} is the full sort Planaria's allocation used to do (feasible first by score,
 * infeasible by |score|, then deadline, then job id), with the same scores, on random backlogs.
 */
class ScoreOrderTest {

    /** A 4-way partitioned 64-PE accelerator and a whole 256-PE one; two models; {@code jobs} random jobs. */
    private static HandView backlog(long seed, int jobs) {
        SplittableRandom r = new SplittableRandom(seed);
        HandView v = new HandView().because(DecisionReason.ARRIVAL.bit()).at(1_000);
        v.accelerator("pods", 64, 4);
        v.accelerator("big", 256);
        int small = v.model("S", new long[][] {{10, 4}, {10, 4}, {30, 9}});
        int large = v.model("L", new long[][] {{100, 30}, {50, 20}});
        int ts = v.task("s", small, 1_000_000);
        int tl = v.task("l", large, 1_000_000);
        for (int i = 0; i < jobs; i++) {
            // deadlines from already late to loose; some jobs finished (no layers left) are left out of the order
            v.job(1 + i, i % 3 == 0 ? tl : ts).deadline(1_000 + r.nextLong(-50, 400)).next(r.nextInt(0, 3));
        }
        return v;
    }

    @Test
    void theHeapGivesTheJobsInTheOrderOfAFullSort() {
        ScoreOrder reused = new ScoreOrder();
        for (long seed = 1; seed <= 20; seed++) {
            HandView v = backlog(seed, 1 + (int) ((seed * 37) % 260)); // growing and shrinking backlogs
            List<Integer> expected = new ArrayList<>();
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.nextLayer(j) < v.layerCount(j)) {
                    expected.add(j);
                }
            }
            expected.sort(Comparator.comparingInt((Integer j) -> Allocation.needScore(v, j) >= 0 ? 0 : 1)
                    .thenComparingDouble(j -> -Math.abs(Allocation.needScore(v, j)))
                    .thenComparingLong(v::deadlineNs)
                    .thenComparingLong(v::jobId));
            ScoreOrder order = reused.fill(v); // one order reused, as a run does
            List<Integer> actual = new ArrayList<>();
            while (!order.isEmpty()) {
                actual.add(order.next());
            }
            assertEquals(expected, actual, "seed " + seed);
        }
    }

    @Test
    void scoresMatchThoseComputedWithTheOptionLists() {
        HandView v = backlog(7, 200);
        boolean feasible = false;
        boolean infeasible = false;
        for (int j = 0; j < v.jobCount(); j++) {
            double s = ScoreOrder.score(v, j);
            assertEquals(Allocation.needScore(v, j), s, "job " + j);
            feasible |= s >= 0;
            infeasible |= s < 0;
        }
        assertTrue(feasible && infeasible, "the backlog has both feasible and infeasible jobs");
    }
}
