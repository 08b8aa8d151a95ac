package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/**
 * DREAM's pair choice and drops on hand-built views. Accelerators: {@code fast} (10 ns and 40 pJ per layer) and
 * {@code eco} (20 ns and 10 pJ per layer) unless said otherwise. Wake-ups (the tuner's window ends) are left out.
 */
class DreamSchedulerTest {

    private static HandView fastAndEco(long now) {
        HandView v = new HandView().at(now);
        v.accelerator("fast", 64);
        v.accelerator("eco", 64);
        long[][] lat = new long[4][];
        double[][] pj = new double[4][];
        for (int i = 0; i < 4; i++) {
            lat[i] = new long[] {10, 20};
            pj[i] = new double[] {40, 10};
        }
        List<org.rtmmlab.api.workload.Layer> layers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layers.add(org.rtmmlab.api.workload.Layer.conv("l" + i, 1, 1, 1, 1, 1, 1, 1));
        }
        v.model(org.rtmmlab.api.workload.Model.of("M", "", layers), lat, pj);
        v.model("N", new long[][] {{10, 20}, {10, 20}, {10, 20}, {10, 20}});
        v.task("m", 0, 1000);
        v.task("n", 1, 1000);
        return v;
    }

    private static List<String> decide(HandView v, Map<String, String> props) {
        HandDecisions d = new HandDecisions(v);
        Map<String, String> p = new java.util.TreeMap<>(Map.of("alpha", "1", "beta", "0", "dropTolerance", "0"));
        p.putAll(props); // the port's score (alpha 1, no energy term) and no drop tolerance unless a test says
        new DreamStaticPolicy().create(v.context(p)).decide(v, d);
        List<String> out = new ArrayList<>(d.log());
        out.removeIf(s -> s.startsWith("wake "));
        return out;
    }

    @Test
    void withoutEnergyPreferenceAFreshJobTakesTheFasterAcceleratorAndWithItTheCheaperOne() {
        HandView v = fastAndEco(0);
        v.job(1, 0).arrival(0).deadline(1000);
        assertEquals(List.of("1@fastx1"), decide(v, Map.of()));
        // beta = 1: fast costs 40 / 10 - 1 = 3 score points more than eco
        assertEquals(List.of("1@ecox1"), decide(v, Map.of("beta", "1")));
    }

    @Test
    void theEnergyPreferenceDoesNotSendAFrameWhereItWouldBeLate() {
        HandView v = fastAndEco(0);
        v.job(1, 0).arrival(0).deadline(60); // 40 ns on fast fits, 80 ns on eco does not
        // beta 0.25: fast costs 0.25 x 3 = 0.75; eco would be late: latePenalty 1
        assertEquals(List.of("1@fastx1"), decide(v, Map.of("beta", "0.25")));
        assertEquals(List.of("1@ecox1"), decide(v, Map.of("beta", "0.25", "latePenalty", "0")));
    }

    @Test
    void fairnessWeightDecidesBetweenAnUrgentJobAndALongWaitingOne() {
        HandView v = new HandView().at(100);
        v.accelerator("npu", 64);
        v.model("M", new long[][] {{10}, {10}, {10}, {10}});
        int t = v.task("m", 0, 1000);
        // job 1: 40 ns left, deadline in 40 ns: urgency 1, waited 0; job 2: waited 100 ns: fairness 10, urgency 0.04
        v.job(1, t).arrival(100).deadline(140);
        v.job(2, t).arrival(0).deadline(1100);
        assertEquals(List.of("2@npux1"), decide(v, Map.of()), "alpha 1: 0.04 + 10 > 1");
        assertEquals(List.of("1@npux1"), decide(v, Map.of("alpha", "0")), "alpha 0: urgency only");
    }

    @Test
    void aStartedJobStaysOnItsAcceleratorUnlessTheGainBeatsTheMovePenalty() {
        HandView v = new HandView().at(50);
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        v.model("M", new long[][] {{10, 9}, {10, 9}, {10, 9}, {10, 9}});
        int t = v.task("m", 0, 1000);
        v.job(1, t).arrival(0).deadline(1000).next(1).ranOn(0, 50);
        assertEquals(List.of("1@a0x1"), decide(v, Map.of()), "waited 0: no gain, the move costs 0.1");
        assertEquals(List.of("1@a1x1"), decide(v, Map.of("movePenalty", "0")), "free moves: the faster one");
    }

    @Test
    void equalScoresGoToTheEarlierRequest() {
        HandView v = new HandView().at(100);
        v.accelerator("npu", 64);
        v.model("M", new long[][] {{10}, {10}, {10}, {10}});
        int t = v.task("m", 0, 1000);
        // alpha 0 and both urgencies capped at 1
        v.job(2, t).arrival(95).deadline(110);
        v.job(1, t).arrival(90).deadline(120);
        assertEquals(List.of("1@npux1"), decide(v, Map.of("alpha", "0", "drop", "false")));
    }

    @Test
    void everyIdleAcceleratorGetsTheBestRemainingPairAndBlocksFollowBlockLayers() {
        HandView v = fastAndEco(100);
        v.job(1, 0).arrival(0).deadline(1000);  // waited 100: fairness 10 on fast, 5 on eco
        v.job(2, 1).arrival(50).deadline(1000); // waited 50: 5 on fast, 2.5 on eco
        assertEquals(List.of("1@fastx2", "2@ecox2"), decide(v, Map.of("blockLayers", "2")));
    }

    @Test
    void hopelessWaitingFramesAreDroppedAndTheRestRun() {
        HandView v = fastAndEco(100);
        v.job(1, 0).arrival(0).deadline(130);   // 4 layers x 10 ns on fast = 40 > 30 left
        v.job(2, 1).arrival(90).deadline(1090);
        assertEquals(List.of("drop 1", "2@fastx1"), decide(v, Map.of()));
        assertEquals(List.of("1@fastx1", "2@ecox1"), decide(v, Map.of("dropTolerance", "0.1")),
                "tolerance 0.1 x 130 ns: 140 <= 143, kept; it waited 100 ns (fairness 10 vs 1)");
        assertEquals(List.of("1@fastx1", "2@ecox1"), decide(v, Map.of("drop", "false")));
    }

    @Test
    void aRunningJobIsNeverDropped() {
        HandView v = fastAndEco(100);
        v.job(1, 0).arrival(0).deadline(101).next(1).running(0);
        v.busy(0, 1.0);
        assertEquals(List.of(), decide(v, Map.of()));
    }
}
