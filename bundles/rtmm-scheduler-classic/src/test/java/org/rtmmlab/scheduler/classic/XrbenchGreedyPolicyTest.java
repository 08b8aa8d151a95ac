package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.Scheduler;

class XrbenchGreedyPolicyTest {

    private static List<String> decide(FakeView view) {
        Scheduler s = new XrbenchGreedyPolicy().create(FakeContext.none());
        RecordingDecisions d = new RecordingDecisions(view);
        s.decide(view, d);
        return d.log;
    }

    @Test
    void visitsModelsAlphabeticallyAndSendsEachWholeModelToTheFasterIdleAccelerator() {
        FakeView v = new FakeView(2);
        int zeta = v.task("Zeta", v.uniformModel("Zeta", 3, 20, 10));
        int alpha = v.task("Alpha", v.uniformModel("Alpha", 4, 30, 5));
        v.job(1, zeta).arrival(0);       // arrived first, but Zeta sorts after Alpha
        v.job(2, alpha).arrival(5);
        assertEquals(List.of("2@acc1x4", "1@acc0x3"), decide(v));
    }

    @Test
    void modelOrderIsByteWiseSoUpperCaseGoesFirst() {
        FakeView v = new FakeView(1);
        int lower = v.task("alpha", v.uniformModel("alpha", 1, 10));
        int upper = v.task("Zeta", v.uniformModel("Zeta", 1, 10));
        v.job(1, lower);
        v.job(2, upper);
        assertEquals(List.of("2@acc0x1"), decide(v));
    }

    @Test
    void equalLatencyGoesToTheLowestIndexEvenWhenItCostsMoreEnergy() {
        FakeView v = new FakeView(3);
        int m = v.uniformModel("M", 2, 7, 7, 7);
        v.energy(m, new double[][] {{9, 1, 1}, {9, 1, 1}});
        v.job(1, v.task("M", m));
        assertEquals(List.of("1@acc0x2"), decide(v));
    }

    @Test
    void onlyTheOldestWaitingFrameOfAModelIsConsidered() {
        FakeView v = new FakeView(3);
        int a = v.task("A", v.uniformModel("A", 2, 1, 1, 1));
        int b = v.task("B", v.uniformModel("B", 2, 1, 1, 1));
        v.job(10, a).frame(4);
        v.job(11, a).frame(3).notReady(); // oldest frame of A waits for its dependency: A is stuck (FIFO)
        v.job(12, b).frame(7);
        v.job(13, b).frame(6);
        // pass 1: A's head not ready, B frame 6; pass 2: B frame 7; pass 3: nothing
        assertEquals(List.of("13@acc0x2", "12@acc1x2"), decide(v));
    }

    @Test
    void runningJobsAreSkippedAndTheRemainderGoesWhereItIsFastest() {
        FakeView v = new FakeView(3);
        int m = v.model("M", new long[][] {{1, 50, 50}, {1, 50, 50}, {100, 2, 3}, {100, 2, 3}});
        int t = v.task("M", m);
        v.busy(0);
        v.job(1, t).frame(0).running(0);
        v.job(2, t).frame(1).next(2).last(0); // started elsewhere: 2 layers left, fastest on acc1
        assertEquals(List.of("2@acc1x2"), decide(v));
    }

    @Test
    void busyAcceleratorsAreNeverUsed() {
        FakeView v = new FakeView(2);
        int t = v.task("M", v.uniformModel("M", 1, 1, 100));
        v.busy(0);
        v.job(1, t).frame(0);
        v.job(2, t).frame(1);
        assertEquals(List.of("1@acc1x1"), decide(v));
        FakeView all = new FakeView(1);
        all.job(1, all.task("M", all.uniformModel("M", 1, 1)));
        all.busy(0);
        assertTrue(decide(all).isEmpty());
    }

    @Test
    void schedulerStateDoesNotLeakIndicesAcrossCalls() {
        Scheduler s = new XrbenchGreedyPolicy().create(FakeContext.none());
        FakeView first = new FakeView(1);
        int t = first.task("M", first.uniformModel("M", 1, 1));
        for (int i = 0; i < 5; i++) {
            first.job(i, t).frame(i);
        }
        RecordingDecisions d1 = new RecordingDecisions(first);
        s.decide(first, d1);
        assertEquals(List.of("0@acc0x1"), d1.log);
        FakeView second = new FakeView(2);
        int t2 = second.task("M", second.uniformModel("M", 1, 1, 1));
        second.job(7, t2).frame(7);
        RecordingDecisions d2 = new RecordingDecisions(second);
        s.decide(second, d2);
        assertEquals(List.of("7@acc0x1"), d2.log);
    }
}
