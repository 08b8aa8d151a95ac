package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.scheduler.classic.ClassicViews.PERIOD_NS;
import static org.rtmmlab.scheduler.classic.ClassicViews.context;
import static org.rtmmlab.scheduler.classic.ClassicViews.uniform;
import static org.rtmmlab.scheduler.classic.ClassicViews.view;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

class EdfPolicyTest {

    private static List<String> decide(HandView view, Map<String, String> properties) {
        HandDecisions d = new HandDecisions(view);
        new EdfPolicy().create(view.context(properties)).decide(view, d);
        return d.log();
    }

    @Test
    void picksTheEarlierDeadlineEvenWhenItArrivedLaterAndRunsOneLayer() {
        HandView v = view(2);
        int t = v.task("M", v.model("M", uniform(4, 10, 3)), PERIOD_NS);
        v.job(1, t).arrival(0).deadline(100);
        v.job(2, t).arrival(50).deadline(80);
        assertEquals(List.of("2@acc1x1", "1@acc0x1"), decide(v, Map.of()));
    }

    @Test
    void dispatchesBlockLayersLayersAndNeverMoreThanRemain() {
        HandView v = view(2);
        int t = v.task("M", v.model("M", uniform(6, 1, 2)), PERIOD_NS);
        v.job(1, t).deadline(10);
        v.job(2, t).deadline(20).next(4).ranOn(0, 0);
        assertEquals(List.of("1@acc0x3", "2@acc1x2"), decide(v, Map.of("blockLayers", "3")));
        assertEquals(List.of("1@acc0x6", "2@acc1x2"), decide(v, Map.of("blockLayers", "0")));
    }

    @Test
    void equalDeadlinesGoByArrivalThenJobId() {
        HandView v = view(3);
        int t = v.task("M", v.model("M", uniform(2, 1, 2, 3)), PERIOD_NS);
        v.job(5, t).deadline(50).arrival(20);
        v.job(4, t).deadline(50).arrival(10);
        v.job(3, t).deadline(50).arrival(20);
        assertEquals(List.of("4@acc0x1", "3@acc1x1", "5@acc2x1"), decide(v, Map.of()));
    }

    @Test
    void theBlockGoesWhereThatBlockIsFastestNotWhereTheWholeJobIs() {
        HandView v = view(2);
        int m = v.model("M", new long[][] {{5, 1}, {1, 100}});
        v.job(1, v.task("M", m, PERIOD_NS)).deadline(10);
        assertEquals(List.of("1@acc1x1"), decide(v, Map.of()));
    }

    @Test
    void nothingIsDispatchedOntoBusyAcceleratorsOrForWaitingDependencies() {
        HandView v = view(2);
        int t = v.task("M", v.model("M", uniform(2, 1, 1)), PERIOD_NS);
        v.busy(1, 1);
        v.job(1, t).deadline(5).notReady();
        v.job(2, t).deadline(9).running(1);
        v.job(3, t).deadline(30);
        assertEquals(List.of("3@acc0x1"), decide(v, Map.of()));
    }

    @Test
    void invalidBlockLayersNamesPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new EdfPolicy().create(context(Map.of("blockLayers", "-3"))));
        assertEquals("edf", e.source());
        assertEquals("blockLayers", e.path());
        assertTrue(e.reason().contains("-3"), e.reason());
        assertEquals("1", new EdfPolicy().defaultProperties().get("blockLayers"));
        assertEquals("edf: blockLayers: must be in [0, 2147483647], got -3", e.getMessage());
    }
}
