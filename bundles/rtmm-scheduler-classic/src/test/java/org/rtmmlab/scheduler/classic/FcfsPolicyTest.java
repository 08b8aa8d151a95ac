package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.SchedulerContext;

class FcfsPolicyTest {

    private static List<String> decide(FakeView view, SchedulerContext context) {
        RecordingDecisions d = new RecordingDecisions(view);
        new FcfsPolicy().create(context).decide(view, d);
        return d.log;
    }

    @Test
    void picksTheEarliestArrivalAndRunsTheWholeJob() {
        FakeView v = new FakeView(1);
        int a = v.task("A", v.uniformModel("A", 3, 5));
        int b = v.task("B", v.uniformModel("B", 2, 5));
        v.job(1, a).arrival(30);
        v.job(2, b).arrival(10);
        v.job(3, a).arrival(20);
        assertEquals(List.of("2@acc0x2"), decide(v, FakeContext.none()));
    }

    @Test
    void equalArrivalsGoByJobIdAndNotReadyJobsAreSkipped() {
        FakeView v = new FakeView(2);
        int a = v.task("A", v.uniformModel("A", 1, 5, 5));
        v.job(9, a).arrival(10);
        v.job(4, a).arrival(10);
        v.job(1, a).arrival(0).notReady();
        assertEquals(List.of("4@acc0x1", "9@acc1x1"), decide(v, FakeContext.none()));
    }

    @Test
    void eachJobGoesToTheFastestIdleAcceleratorWithEnergyAsTieBreak() {
        FakeView v = new FakeView(3);
        int m = v.uniformModel("M", 2, 9, 4, 4);
        v.energy(m, new double[][] {{1, 8, 3}, {1, 8, 3}});
        int t = v.task("M", m);
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(1);
        v.job(3, t).arrival(2);
        assertEquals(List.of("1@acc2x2", "2@acc1x2", "3@acc0x2"), decide(v, FakeContext.none()));
    }

    @Test
    void withBlocksAStartedJobKeepsGoingOnItsAcceleratorBeforeEarlierArrivals() {
        FakeView v = new FakeView(2);
        int t = v.task("M", v.uniformModel("M", 5, 1, 9));
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(50).next(2).last(1);
        assertEquals(List.of("2@acc1x2", "1@acc0x2"), decide(v, FakeContext.of("blockLayers", "2")));
        FakeView tail = new FakeView(1);
        int t2 = tail.task("M", tail.uniformModel("M", 5, 1));
        tail.job(1, t2).next(4).last(0);
        assertEquals(List.of("1@acc0x1"), decide(tail, FakeContext.of("blockLayers", "2")));
    }

    @Test
    void busyAcceleratorsAreNeverUsed() {
        FakeView v = new FakeView(2);
        int t = v.task("M", v.uniformModel("M", 1, 1, 50));
        v.busy(0);
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(1);
        assertEquals(List.of("1@acc1x1"), decide(v, FakeContext.none()));
    }

    @Test
    void invalidBlockLayersNamesPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FcfsPolicy().create(FakeContext.of("blockLayers", "-1")));
        assertEquals("fcfs", e.source());
        assertEquals("blockLayers", e.path());
        e = assertThrows(InvalidInputException.class,
                () -> new FcfsPolicy().create(FakeContext.of("blockLayers", "two")));
        assertEquals("fcfs", e.source());
        assertTrue(e.reason().contains("two"), e.reason());
        assertTrue(new FcfsPolicy().defaultProperties().get("blockLayers").startsWith("0 "));
    }
}
