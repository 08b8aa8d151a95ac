package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.engine.metrics.LongSamples;
import org.rtmmlab.engine.metrics.XrbenchLog;
import org.rtmmlab.engine.metrics.XrbenchScore;
import org.rtmmlab.engine.sim.CostTables;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Lab;

/** Unit tests of the cost tables and metric helpers. */
class EngineUnitsTest {

    @Test
    void costTablesAnswerBlockRemainingAndFastestQueriesFromPrefixSums() {
        FixedCostModel cm = new FixedCostModel();
        Platform p = new Platform("p", "", List.of(FixedCostModel.accelerator("slow").attribute("nsPerK", "10").build(),
                FixedCostModel.accelerator("fast").attribute("nsPerK", "1").attribute("pjPerC", "3").build()));
        // layers K = 5, 1, 7; C = 1
        CostTables t = new CostTables(p, List.of(Lab.model("m", 5, 1, 7)), List.of(cm, cm));
        assertEquals(3, t.layerCount(0, 0));
        assertEquals(50, t.latencyNs(0, 0, 0, 0));
        assertEquals(1, t.latencyNs(0, 0, 1, 1));
        assertEquals(10 + 70, t.blockLatencyNs(0, 0, 1, 2, 0));
        assertEquals(130, t.remainingLatencyNs(0, 0, 0, 0));
        assertEquals(8, t.remainingLatencyNs(0, 0, 1, 1));
        assertEquals(13, t.remainingLatencyFastestNs(0, 0, 0));
        assertEquals(0, t.remainingLatencyFastestNs(0, 0, 3));
        assertEquals(6.0, t.blockEnergyPj(0, 0, 1, 2, 1));
        assertEquals(3e6, t.remainingEnergyPj(0, 0, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.blockLatencyNs(0, 0, 2, 2, 0));
    }

    @Test
    void nearestRankPercentiles() {
        LongSamples s = new LongSamples();
        for (long v : new long[] {15, 20, 35, 40, 50}) {
            s.add(v);
        }
        assertEquals(20, s.percentile(30)); // rank ceil(1.5) = 2
        assertEquals(35, s.percentile(50)); // rank 3
        assertEquals(50, s.percentile(99));
        assertEquals(15, s.percentile(1));
    }

    @Test
    void xrbenchLogFollowsTheReferenceFormula() {
        XrbenchLog log = new XrbenchLog(2);
        log.completed(1, 5f, 10f, 300f);
        log.dropped(1);
        log.dropped(0);
        // task 1 first in the log: S1 = RT(-5) x EN(300) / 2 x 0.5; task 0 only dropped: S0 = 0
        double s1 = XrbenchScore.realTime(-5) * XrbenchScore.energy(300) / 2 * 0.5;
        assertEquals(s1, log.score(1), 1e-7);
        assertEquals(0.0, log.score(0));
        assertEquals(100 * s1 / 2, log.overall(), 1e-5);
        assertEquals(0.8, log.meanEnergy(1), 1e-7);
        assertEquals(0.0, log.meanRealTime(0));
        assertEquals(List.of(1, 0), java.util.Arrays.stream(log.firstLogOrder()).boxed().toList());
        assertEquals(0.5f, XrbenchScore.realTimeF(10f, 10f));
    }
}
