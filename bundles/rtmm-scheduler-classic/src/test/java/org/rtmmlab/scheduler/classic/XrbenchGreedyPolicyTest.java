package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.scheduler.classic.ClassicViews.PERIOD_NS;
import static org.rtmmlab.scheduler.classic.ClassicViews.context;
import static org.rtmmlab.scheduler.classic.ClassicViews.model;
import static org.rtmmlab.scheduler.classic.ClassicViews.uniform;
import static org.rtmmlab.scheduler.classic.ClassicViews.view;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

class XrbenchGreedyPolicyTest {

    private static List<String> decide(HandView view) {
        Scheduler s = new XrbenchGreedyPolicy().create(view.context(Map.of()));
        HandDecisions d = new HandDecisions(view);
        s.decide(view, d);
        return d.log();
    }

    @Test
    void visitsModelsAlphabeticallyAndSendsEachWholeModelToTheFasterIdleAccelerator() {
        HandView v = view(2);
        int zeta = v.task("Zeta", v.model("Zeta", uniform(3, 20, 10)), PERIOD_NS);
        int alpha = v.task("Alpha", v.model("Alpha", uniform(4, 30, 5)), PERIOD_NS);
        v.job(1, zeta).arrival(0);       // arrived first, but Zeta sorts after Alpha
        v.job(2, alpha).arrival(5);
        assertEquals(List.of("2@acc1x4", "1@acc0x3"), decide(v));
    }

    @Test
    void modelOrderIsByteWiseSoUpperCaseGoesFirst() {
        HandView v = view(1);
        int lower = v.task("alpha", v.model("alpha", uniform(1, 10)), PERIOD_NS);
        int upper = v.task("Zeta", v.model("Zeta", uniform(1, 10)), PERIOD_NS);
        v.job(1, lower);
        v.job(2, upper);
        assertEquals(List.of("2@acc0x1"), decide(v));
    }

    @Test
    void equalLatencyGoesToTheLowestIndexEvenWhenItCostsMoreEnergy() {
        HandView v = view(3);
        int m = model(v, "M", uniform(2, 7, 7, 7), new double[][] {{9, 1, 1}, {9, 1, 1}});
        v.job(1, v.task("M", m, PERIOD_NS));
        assertEquals(List.of("1@acc0x2"), decide(v));
    }

    @Test
    void onlyTheOldestWaitingFrameOfAModelIsConsidered() {
        HandView v = view(3);
        int a = v.task("A", v.model("A", uniform(2, 1, 1, 1)), PERIOD_NS);
        int b = v.task("B", v.model("B", uniform(2, 1, 1, 1)), PERIOD_NS);
        v.job(10, a).frame(4);
        v.job(11, a).frame(3).notReady(); // oldest frame of A waits for its dependency: A is stuck (FIFO)
        v.job(12, b).frame(7);
        v.job(13, b).frame(6);
        // pass 1: A's head not ready, B frame 6; pass 2: B frame 7; pass 3: nothing
        assertEquals(List.of("13@acc0x2", "12@acc1x2"), decide(v));
    }

    @Test
    void runningJobsAreSkippedAndTheRemainderGoesWhereItIsFastest() {
        HandView v = view(3);
        int m = v.model("M", new long[][] {{1, 50, 50}, {1, 50, 50}, {100, 2, 3}, {100, 2, 3}});
        int t = v.task("M", m, PERIOD_NS);
        v.busy(0, 1);
        v.job(1, t).frame(0).running(0);
        v.job(2, t).frame(1).next(2).ranOn(0, 0); // started elsewhere: 2 layers left, fastest on acc1
        assertEquals(List.of("2@acc1x2"), decide(v));
    }

    @Test
    void busyAcceleratorsAreNeverUsed() {
        HandView v = view(2);
        int t = v.task("M", v.model("M", uniform(1, 1, 100)), PERIOD_NS);
        v.busy(0, 1);
        v.job(1, t).frame(0);
        v.job(2, t).frame(1);
        assertEquals(List.of("1@acc1x1"), decide(v));
        HandView all = view(1);
        all.job(1, all.task("M", all.model("M", uniform(1, 1)), PERIOD_NS));
        all.busy(0, 1);
        assertTrue(decide(all).isEmpty());
    }

    @Test
    void schedulerStateDoesNotLeakIndicesAcrossCalls() {
        Scheduler s = new XrbenchGreedyPolicy().create(context(Map.of()));
        HandView first = view(1);
        int t = first.task("M", first.model("M", uniform(1, 1)), PERIOD_NS);
        for (int i = 0; i < 5; i++) {
            first.job(i, t).frame(i);
        }
        HandDecisions d1 = new HandDecisions(first);
        s.decide(first, d1);
        assertEquals(List.of("0@acc0x1"), d1.log());
        HandView second = view(2);
        int t2 = second.task("M", second.model("M", uniform(1, 1, 1)), PERIOD_NS);
        second.job(7, t2).frame(7);
        HandDecisions d2 = new HandDecisions(second);
        s.decide(second, d2);
        assertEquals(List.of("7@acc0x1"), d2.log());
    }
}
