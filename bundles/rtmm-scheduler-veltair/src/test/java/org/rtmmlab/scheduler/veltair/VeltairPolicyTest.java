package org.rtmmlab.scheduler.veltair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/** VELTAIR's deadline shares, accelerator choice, FCFS order and block-size adaptation on hand-computable views. */
class VeltairPolicyTest {

    /** A model whose layer {@code i} has {@code macs[i]} MACs (K = macs) and the given latency rows. */
    private static int model(HandView v, String id, long[] macs, long[][] latency) {
        List<Layer> layers = new ArrayList<>();
        double[][] energy = new double[macs.length][];
        for (int i = 0; i < macs.length; i++) {
            layers.add(Layer.conv("l" + i, 1, (int) macs[i], 1, 1, 1, 1, 1));
            energy[i] = new double[latency[i].length];
        }
        return v.model(Model.of(id, "", layers), latency, energy);
    }

    private static List<String> decide(HandView v, Map<String, String> properties) {
        HandDecisions d = new HandDecisions(v);
        new VeltairPolicy().create(v.context(properties)).decide(v, d);
        return d.log();
    }

    @Test
    void aBlockGoesToTheLeastCapableAcceleratorThatMeetsItsShareOfTheDeadline() {
        HandView v = new HandView();
        v.accelerator("big", 256);
        v.accelerator("small", 64);
        // layer 0 has 1 of the model's 4 MACs: with a 100 ns deadline its share is 25 ns. On small it takes 20 ns
        // (fits: the least capable fit), layer 1 (3 MACs, share 75 ns) takes 90 ns there (does not fit: fastest)
        int m = model(v, "M", new long[] {1, 3}, new long[][] {{10, 20}, {30, 90}});
        int t = v.task("M", m, 100);
        v.job(1, t).arrival(0).deadline(100);
        assertEquals(List.of("1@smallx1"), decide(v, Map.of("blockLayers", "1")));
        HandView second = new HandView();
        second.accelerator("big", 256);
        second.accelerator("small", 64);
        int m2 = model(second, "M", new long[] {1, 3}, new long[][] {{10, 20}, {30, 90}});
        second.job(1, second.task("M", m2, 100)).arrival(0).deadline(100).next(1).ranOn(1, 20);
        assertEquals(List.of("1@bigx1"), decide(second, Map.of("blockLayers", "1")));
    }

    @Test
    void theShareIsTheQosTargetTimesTheBlocksFractionOfTheModelsMacs() {
        HandView v = new HandView();
        v.accelerator("a", 64);
        int m = model(v, "M", new long[] {1, 3, 4}, new long[][] {{1}, {1}, {1}});
        v.job(1, v.task("M", m, 1000)).arrival(200).deadline(1000); // QoS target 800 ns
        VeltairScheduler s = (VeltairScheduler) new VeltairPolicy().create(v.context(Map.of()));
        assertEquals(100, s.budgetNs(v, 0, 0, 1));  // 800 x 1/8
        assertEquals(700, s.budgetNs(v, 0, 1, 2));  // 800 x 7/8
    }

    @Test
    void readyBlocksAreServedFirstComeFirstServed() {
        HandView v = new HandView().at(50);
        v.accelerator("a", 64);
        int t = v.task("M", model(v, "M", new long[] {1, 1}, new long[][] {{5}, {5}}), 1000);
        v.job(1, t).arrival(0).next(1).ranOn(0, 40); // its second block became ready at 40
        v.job(2, t).arrival(30);                     // ready since 30: first
        v.job(3, t).arrival(45);
        assertEquals(List.of("2@ax1"), decide(v, Map.of("blockLayers", "1")));
    }

    @Test
    void aViewWhoseIdsDoNotIncreaseIsReadWholeAtEveryCall() {
        HandView v = new HandView().at(50);
        v.accelerator("a", 64);
        int t = v.task("M", model(v, "M", new long[] {1, 1}, new long[][] {{5}, {5}}), 1000);
        v.job(9, t).arrival(20);
        v.job(4, t).arrival(10); // a lower id after a higher one: the kept order cannot find jobs by id
        v.job(7, t).arrival(30);
        VeltairScheduler s = (VeltairScheduler) new VeltairPolicy().create(v.context(Map.of("blockLayers", "1")));
        for (int call = 0; call < 3; call++) { // the same view object each time, decisions not applied
            HandDecisions d = new HandDecisions(v);
            s.decide(v, d);
            assertEquals(List.of("4@ax1"), d.log(), "call " + call);
        }
    }

    @Test
    void blocksGrowWhenReadyBlocksKeepConflictingAndShrinkWhenTheyDoNot() {
        HandView busy = new HandView();
        busy.accelerator("a", 64);
        int t = busy.task("M", model(busy, "M", new long[] {1, 1, 1, 1, 1, 1, 1, 1}, new long[][] {{1}, {1}, {1},
                {1}, {1}, {1}, {1}, {1}}), 1000);
        for (int i = 0; i < 3; i++) {
            busy.job(i, t).arrival(i); // three ready blocks, one accelerator: 1 dispatch, 2 conflicts per point
        }
        VeltairScheduler s = (VeltairScheduler) new VeltairPolicy().create(busy.context(Map.of("blockLayers", "2",
                "conflictWindow", "2")));
        List<String> log = new ArrayList<>();
        for (int point = 0; point < 4; point++) {
            HandDecisions d = new HandDecisions(busy);
            s.decide(busy, d);
            log.addAll(d.log());
        }
        // rate 2/3 > 0.3 after each window of 2 points: 2 -> 4 -> 8 layers
        assertEquals(List.of("0@ax2", "0@ax2", "0@ax4", "0@ax4"), log);
        assertEquals(8, s.blockLayers());
        HandView calm = new HandView();
        calm.accelerator("a", 64);
        int t2 = calm.task("M", model(calm, "M", new long[] {1, 1, 1, 1, 1, 1, 1, 1}, new long[][] {{1}, {1}, {1},
                {1}, {1}, {1}, {1}, {1}}), 1000);
        calm.job(0, t2);
        for (int point = 0; point < 2; point++) {
            s.decide(calm, new HandDecisions(calm)); // one ready block, no conflict: rate 0 < 0.05
        }
        assertEquals(4, s.blockLayers());
    }

    @Test
    void badPropertiesNameThePolicyAndTheKey() {
        HandView v = new HandView();
        v.accelerator("a", 64);
        v.task("M", v.model("M", new long[][] {{1}}), 1000);
        Map<String, String> bad = new java.util.TreeMap<>(Map.of("blockLayers", "0", "conflictHigh", "2",
                "conflictWindow", "x", "maxBlockLayers", "0"));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            InvalidInputException ex = assertThrows(InvalidInputException.class,
                    () -> new VeltairPolicy().create(v.context(Map.of(e.getKey(), e.getValue()))));
            assertEquals("veltair", ex.source());
            assertEquals(e.getKey(), ex.path());
        }
        InvalidInputException ex = assertThrows(InvalidInputException.class, () -> new VeltairPolicy().create(
                v.context(Map.of("conflictLow", "0.5", "conflictHigh", "0.4"))));
        assertEquals("conflictLow", ex.path());
        VeltairPolicy p = new VeltairPolicy();
        p.configure(Map.of("blockLayers", 8));
        assertEquals("8", p.defaultProperties().get("blockLayers"));
    }
}
