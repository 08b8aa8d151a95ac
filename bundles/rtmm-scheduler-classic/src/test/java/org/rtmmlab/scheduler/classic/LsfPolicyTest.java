package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rtmmlab.scheduler.classic.ClassicViews.PERIOD_NS;
import static org.rtmmlab.scheduler.classic.ClassicViews.uniform;
import static org.rtmmlab.scheduler.classic.ClassicViews.view;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

class LsfPolicyTest {

    @Test
    void picksTheLeastSlackNotTheEarliestDeadline() {
        HandView v = view(1);
        v.at(10);
        int big = v.task("Big", v.model("Big", uniform(5, 10)), PERIOD_NS);   // 50 ns of work left
        int small = v.task("Small", v.model("Small", uniform(1, 10)), PERIOD_NS); // 10 ns of work left
        v.job(1, small).deadline(80); // slack 80 - 10 - 10 = 60
        v.job(2, big).deadline(100);  // slack 100 - 10 - 50 = 40: least slack, later deadline
        HandDecisions d = new HandDecisions(v);
        new LsfPolicy().create(v.context(Map.of())).decide(v, d);
        assertEquals(List.of("2@acc0x1"), d.log());
    }

    @Test
    void slackUsesTheFastestAcceleratorPerLayerAndTheJobsProgress() {
        HandView v = view(2);
        // per layer: fast on acc0 (1 ns) or acc1 (1 ns) alternately; isolated remaining latency = layers left
        int m = v.model("M", new long[][] {{1, 9}, {9, 1}, {1, 9}, {9, 1}});
        int t = v.task("M", m, PERIOD_NS);
        v.job(1, t).deadline(10).next(0);            // slack 10 - 4 = 6
        v.job(2, t).deadline(8).next(3).ranOn(1, 0); // slack 8 - 1 = 7
        v.job(3, t).deadline(9).next(2).ranOn(0, 0); // slack 9 - 2 = 7, later deadline than job 2
        HandDecisions d = new HandDecisions(v);
        new LsfPolicy().create(v.context(Map.of())).decide(v, d);
        assertEquals(List.of("1@acc0x1", "2@acc1x1"), d.log());
        assertEquals(6, LsfPolicy.LsfScheduler.slackNs(v, 0));
    }

    @Test
    void blockLayersComesFromConfigAdminUnlessTheRunSetsIt() {
        LsfPolicy p = new LsfPolicy();
        p.configure(Map.of(BlockLayers.KEY, "0"));
        HandView v = view(1);
        v.job(1, v.task("M", v.model("M", uniform(4, 1)), PERIOD_NS));
        HandDecisions d = new HandDecisions(v);
        p.create(v.context(Map.of())).decide(v, d);
        assertEquals(List.of("1@acc0x4"), d.log());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> p.create(v.context(Map.of(BlockLayers.KEY, "-2"))));
        assertEquals("lsf", e.source());
        assertEquals("blockLayers", e.path());
    }
}
