package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.SchedulerContext;

class EdfPolicyTest {

    private static List<String> decide(FakeView view, SchedulerContext context) {
        RecordingDecisions d = new RecordingDecisions(view);
        new EdfPolicy().create(context).decide(view, d);
        return d.log;
    }

    @Test
    void picksTheEarlierDeadlineEvenWhenItArrivedLaterAndRunsOneLayer() {
        FakeView v = new FakeView(2);
        int t = v.task("M", v.uniformModel("M", 4, 10, 3));
        v.job(1, t).arrival(0).deadline(100);
        v.job(2, t).arrival(50).deadline(80);
        assertEquals(List.of("2@acc1x1", "1@acc0x1"), decide(v, FakeContext.none()));
    }

    @Test
    void dispatchesBlockLayersLayersAndNeverMoreThanRemain() {
        FakeView v = new FakeView(2);
        int t = v.task("M", v.uniformModel("M", 6, 1, 2));
        v.job(1, t).deadline(10);
        v.job(2, t).deadline(20).next(4).last(0);
        assertEquals(List.of("1@acc0x3", "2@acc1x2"), decide(v, FakeContext.of("blockLayers", "3")));
        assertEquals(List.of("1@acc0x6", "2@acc1x2"), decide(v, FakeContext.of("blockLayers", "0")));
    }

    @Test
    void equalDeadlinesGoByArrivalThenJobId() {
        FakeView v = new FakeView(3);
        int t = v.task("M", v.uniformModel("M", 2, 1, 2, 3));
        v.job(5, t).deadline(50).arrival(20);
        v.job(4, t).deadline(50).arrival(10);
        v.job(3, t).deadline(50).arrival(20);
        assertEquals(List.of("4@acc0x1", "3@acc1x1", "5@acc2x1"), decide(v, FakeContext.none()));
    }

    @Test
    void theBlockGoesWhereThatBlockIsFastestNotWhereTheWholeJobIs() {
        FakeView v = new FakeView(2);
        int m = v.model("M", new long[][] {{5, 1}, {1, 100}});
        v.job(1, v.task("M", m)).deadline(10);
        assertEquals(List.of("1@acc1x1"), decide(v, FakeContext.none()));
    }

    @Test
    void nothingIsDispatchedOntoBusyAcceleratorsOrForWaitingDependencies() {
        FakeView v = new FakeView(2);
        int t = v.task("M", v.uniformModel("M", 2, 1, 1));
        v.busy(1);
        v.job(1, t).deadline(5).notReady();
        v.job(2, t).deadline(9).running(1);
        v.job(3, t).deadline(30);
        assertEquals(List.of("3@acc0x1"), decide(v, FakeContext.none()));
    }

    @Test
    void invalidBlockLayersNamesPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new EdfPolicy().create(FakeContext.of("blockLayers", "-3")));
        assertEquals("edf", e.source());
        assertEquals("blockLayers", e.path());
        assertTrue(e.reason().contains("-3"), e.reason());
        assertTrue(new EdfPolicy().defaultProperties().get("blockLayers").startsWith("1 "));
    }
}
