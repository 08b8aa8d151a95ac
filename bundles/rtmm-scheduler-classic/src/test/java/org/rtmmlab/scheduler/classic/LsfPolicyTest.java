package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

class LsfPolicyTest {

    @Test
    void picksTheLeastSlackNotTheEarliestDeadline() {
        FakeView v = new FakeView(1);
        v.now = 10;
        int big = v.task("Big", v.uniformModel("Big", 5, 10));   // 50 ns of work left
        int small = v.task("Small", v.uniformModel("Small", 1, 10)); // 10 ns of work left
        v.job(1, small).deadline(80); // slack 80 - 10 - 10 = 60
        v.job(2, big).deadline(100);  // slack 100 - 10 - 50 = 40: least slack, later deadline
        RecordingDecisions d = new RecordingDecisions(v);
        new LsfPolicy().create(FakeContext.none()).decide(v, d);
        assertEquals(List.of("2@acc0x1"), d.log);
    }

    @Test
    void slackUsesTheFastestAcceleratorPerLayerAndTheJobsProgress() {
        FakeView v = new FakeView(2);
        // per layer: fast on acc0 (1 ns) or acc1 (1 ns) alternately; isolated remaining latency = layers left
        int m = v.model("M", new long[][] {{1, 9}, {9, 1}, {1, 9}, {9, 1}});
        int t = v.task("M", m);
        v.job(1, t).deadline(10).next(0);          // slack 10 - 4 = 6
        v.job(2, t).deadline(8).next(3).last(1);   // slack 8 - 1 = 7
        v.job(3, t).deadline(9).next(2).last(0);   // slack 9 - 2 = 7, later deadline than job 2
        RecordingDecisions d = new RecordingDecisions(v);
        new LsfPolicy().create(FakeContext.none()).decide(v, d);
        assertEquals(List.of("1@acc0x1", "2@acc1x1"), d.log);
        assertEquals(6, LsfPolicy.LsfScheduler.slackNs(v, 0));
    }

    @Test
    void blockLayersComesFromConfigAdminUnlessTheRunSetsIt() {
        LsfPolicy p = new LsfPolicy();
        p.configure(Map.of(BlockLayers.KEY, "0"));
        FakeView v = new FakeView(1);
        v.job(1, v.task("M", v.uniformModel("M", 4, 1)));
        RecordingDecisions d = new RecordingDecisions(v);
        p.create(FakeContext.none()).decide(v, d);
        assertEquals(List.of("1@acc0x4"), d.log);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> p.create(FakeContext.of(BlockLayers.KEY, "-2")));
        assertEquals("lsf", e.source());
        assertEquals("blockLayers", e.path());
    }
}
