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
 * The incremental {@link Backlog} hands out the jobs in the order of a full sort by the scores of the scan that main
 * used before it ({@link ScanAllocation}: feasible first by score, infeasible by |score|, then deadline, then job id),
 * with the same scores (each job handed out is checked), on random backlogs as the clock moves on and jobs arrive (feasible jobs turn late between
 * calls) and with a view whose ids do not increase (rebuilt at every call).
 */
class BacklogTest {

    /** A 4-way partitioned 64-PE accelerator and a whole 256-PE one; two models; {@code jobs} random jobs. */
    private static HandView backlog(long seed, int jobs, boolean increasingIds) {
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
            long id = increasingIds ? 1 + i : jobs - i;
            v.job(id, i % 3 == 0 ? tl : ts).deadline(1_000 + r.nextLong(-50, 400)).next(r.nextInt(0, 3));
        }
        return v;
    }

    private static List<Integer> fullSort(HandView v) {
        List<Integer> expected = new ArrayList<>();
        for (int j = 0; j < v.jobCount(); j++) {
            if (v.nextLayer(j) < v.layerCount(j)) {
                expected.add(j);
            }
        }
        expected.sort(Comparator.comparingInt((Integer j) -> ScanAllocation.needScore(v, j) >= 0 ? 0 : 1)
                .thenComparingDouble(j -> -Math.abs(ScanAllocation.needScore(v, j)))
                .thenComparingLong(v::deadlineNs)
                .thenComparingLong(v::jobId));
        return expected;
    }

    /** Hands out every job, checking each score, then settles with the jobs at {@code grantedAt} granted. */
    private static List<Integer> drain(Backlog order, HandView v, int grantedAt) {
        order.begin(v);
        List<Integer> actual = new ArrayList<>();
        while (!order.isEmpty()) {
            int j = order.next();
            assertEquals(ScanAllocation.needScore(v, j), order.lastScore(), "score of job " + j);
            if (actual.size() == grantedAt) {
                order.granted(actual.size());
            }
            actual.add(j);
        }
        order.settle();
        return actual;
    }

    @Test
    void theOrderIsThatOfAFullSortAsTheClockMovesOnAndJobsArrive() {
        int turnedLate = 0;
        for (long seed = 1; seed <= 12; seed++) {
            HandView v = backlog(seed, 1 + (int) ((seed * 37) % 260), true);
            Backlog order = new Backlog();
            SplittableRandom r = new SplittableRandom(seed);
            long nextId = 10_000;
            for (long now = 1_000; now < 1_400; now += 17) {
                v.at(now);
                int feasibleBefore = 0;
                for (int j = 0; j < v.jobCount(); j++) {
                    feasibleBefore += ScanAllocation.needScore(v, j) >= 0 ? 1 : 0;
                }
                assertEquals(fullSort(v), drain(order, v, (int) (now % 5)), "seed " + seed + " at " + now);
                v.at(now + 17);
                int feasibleAfter = 0;
                for (int j = 0; j < v.jobCount(); j++) {
                    feasibleAfter += ScanAllocation.needScore(v, j) >= 0 ? 1 : 0;
                }
                turnedLate += Math.max(0, feasibleBefore - feasibleAfter);
                v.job(nextId++, 0).deadline(now + r.nextLong(0, 300)).next(r.nextInt(0, 3)); // a new arrival
            }
        }
        assertTrue(turnedLate > 50, "jobs turned late between calls: " + turnedLate);
    }

    @Test
    void aViewWhoseIdsDoNotIncreaseIsOrderedFromScratch() {
        for (long seed = 1; seed <= 6; seed++) {
            HandView v = backlog(seed, 40 + (int) seed * 20, false);
            Backlog order = new Backlog();
            for (long now = 1_000; now < 1_200; now += 50) {
                v.at(now);
                assertEquals(fullSort(v), drain(order, v, 0), "seed " + seed + " at " + now);
            }
        }
    }
}
