package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.scheduler.classic.ClassicViews.PERIOD_NS;
import static org.rtmmlab.scheduler.classic.ClassicViews.context;
import static org.rtmmlab.scheduler.classic.ClassicViews.model;
import static org.rtmmlab.scheduler.classic.ClassicViews.uniform;
import static org.rtmmlab.scheduler.classic.ClassicViews.view;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

class FcfsPolicyTest {

    private static List<String> decide(HandView view, Map<String, String> properties) {
        HandDecisions d = new HandDecisions(view);
        new FcfsPolicy().create(view.context(properties)).decide(view, d);
        return d.log();
    }

    @Test
    void picksTheEarliestArrivalAndRunsTheWholeJob() {
        HandView v = view(1);
        int a = v.task("A", v.model("A", uniform(3, 5)), PERIOD_NS);
        int b = v.task("B", v.model("B", uniform(2, 5)), PERIOD_NS);
        v.job(1, a).arrival(30);
        v.job(2, b).arrival(10);
        v.job(3, a).arrival(20);
        assertEquals(List.of("2@acc0x2"), decide(v, Map.of()));
    }

    @Test
    void equalArrivalsGoByJobIdAndNotReadyJobsAreSkipped() {
        HandView v = view(2);
        int a = v.task("A", v.model("A", uniform(1, 5, 5)), PERIOD_NS);
        v.job(9, a).arrival(10);
        v.job(4, a).arrival(10);
        v.job(1, a).arrival(0).notReady();
        assertEquals(List.of("4@acc0x1", "9@acc1x1"), decide(v, Map.of()));
    }

    @Test
    void eachJobGoesToTheFastestIdleAcceleratorWithEnergyAsTieBreak() {
        HandView v = view(3);
        int m = model(v, "M", uniform(2, 9, 4, 4), new double[][] {{1, 8, 3}, {1, 8, 3}});
        int t = v.task("M", m, PERIOD_NS);
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(1);
        v.job(3, t).arrival(2);
        assertEquals(List.of("1@acc2x2", "2@acc1x2", "3@acc0x2"), decide(v, Map.of()));
    }

    @Test
    void withBlocksAStartedJobKeepsGoingOnItsAcceleratorBeforeEarlierArrivals() {
        HandView v = view(2);
        int t = v.task("M", v.model("M", uniform(5, 1, 9)), PERIOD_NS);
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(50).next(2).ranOn(1, 0);
        assertEquals(List.of("2@acc1x2", "1@acc0x2"), decide(v, Map.of("blockLayers", "2")));
        HandView tail = view(1);
        int t2 = tail.task("M", tail.model("M", uniform(5, 1)), PERIOD_NS);
        tail.job(1, t2).next(4).ranOn(0, 0);
        assertEquals(List.of("1@acc0x1"), decide(tail, Map.of("blockLayers", "2")));
    }

    @Test
    void busyAcceleratorsAreNeverUsed() {
        HandView v = view(2);
        int t = v.task("M", v.model("M", uniform(1, 1, 50)), PERIOD_NS);
        v.busy(0, 1);
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(1);
        assertEquals(List.of("1@acc1x1"), decide(v, Map.of()));
    }

    @Test
    void invalidBlockLayersNamesPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FcfsPolicy().create(context(Map.of("blockLayers", "-1"))));
        assertEquals("fcfs", e.source());
        assertEquals("blockLayers", e.path());
        e = assertThrows(InvalidInputException.class,
                () -> new FcfsPolicy().create(context(Map.of("blockLayers", "two"))));
        assertEquals("fcfs", e.source());
        assertEquals("not an integer: 'two'", e.reason());
        assertEquals("0", new FcfsPolicy().defaultProperties().get("blockLayers"));
    }
}
