package org.rtmmlab.scheduler.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/**
 * The rule of example-srf on hand-built views (no engine): the ready job with the least remaining isolated latency
 * goes first, to the fastest idle accelerator for its next block; ties go to the earlier deadline, then the lower
 * job id. Latencies are in ns, {@code latency[layer][accelerator]}; the decision log reads
 * {@code "<job>@<accelerator>x<layers>"}.
 */
class ShortestRemainingFirstPolicyTest {

    private static List<String> decide(Map<String, String> properties, HandView v) {
        HandDecisions d = new HandDecisions(v);
        new ShortestRemainingFirstPolicy().create(v.context(properties)).decide(v, d);
        return d.log();
    }

    private static long[][] layers(int n, long... nsPerAccelerator) {
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            out[i] = nsPerAccelerator.clone();
        }
        return out;
    }

    @Test
    void theJobWithLessRemainingWorkGoesFirst() {
        HandView v = new HandView();
        v.accelerator("npu", 64);
        int big = v.task("big", v.model("Big", layers(3, 10)), 1_000);  // 3 x 10 = 30 ns left
        int small = v.task("small", v.model("Small", layers(1, 10)), 1_000); // 10 ns left
        v.job(1, big).arrival(0);
        v.job(2, small).arrival(5);
        // one accelerator, so one dispatch: the later but shorter job 2
        assertEquals(List.of("2@npux1"), decide(Map.of(), v));
    }

    @Test
    void remainingMeansFromTheNextLayerAndTiesGoToTheEarlierDeadlineThenTheLowerId() {
        HandView v = new HandView();
        v.accelerator("npu", 64);
        int big = v.task("big", v.model("Big", layers(3, 10)), 1_000);
        int small = v.task("small", v.model("Small", layers(1, 10)), 1_000);
        v.job(1, big).arrival(0).next(2).ranOn(0, 20).deadline(900); // 1 layer left: 10 ns, like job 2
        v.job(2, small).arrival(5).deadline(400);
        assertEquals(List.of("2@npux1"), decide(Map.of(), v), "10 ns each: the earlier deadline (400 < 900)");
        HandView same = new HandView();
        same.accelerator("npu", 64);
        int s = same.task("small", same.model("Small", layers(1, 10)), 1_000);
        same.job(7, s).deadline(500);
        same.job(3, s).deadline(500);
        assertEquals(List.of("3@npux1"), decide(Map.of(), same), "same work and deadline: the lower job id");
    }

    @Test
    void eachJobGoesToTheFastestIdleAcceleratorInTurn() {
        HandView v = new HandView();
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        int m = v.model("M", layers(3, 1, 4)); // a layer takes 1 ns on a0, 4 ns on a1
        int t = v.task("t", m, 1_000);
        v.job(1, t).arrival(0);                       // 3 ns left (on the fastest accelerator)
        v.job(2, t).arrival(1).next(1).ranOn(1, 5);    // 2 ns left: first, and to a0 although it ran on a1
        assertEquals(List.of("2@a0x1", "1@a1x1"), decide(Map.of(), v));
        v.busy(0, 1.0); // a0 is running a block: only a1 is idle, and only the shortest job gets it
        assertEquals(List.of("2@a1x1"), decide(Map.of(), v));
        v.busy(1, 1.0);
        assertEquals(List.of(), decide(Map.of(), v), "no idle accelerator, no decision");
    }

    @Test
    void jobsThatAreNotReadyWaitAndItNeverDrops() {
        HandView v = new HandView().at(2_000);
        v.accelerator("npu", 64);
        int t = v.task("t", v.model("M", layers(2, 10)), 1_000);
        v.job(1, t).arrival(0).next(1).notReady(); // shortest, but waiting for a dependency
        v.job(2, t).arrival(0).deadline(1_000);     // past its deadline: still dispatched, never dropped
        assertEquals(List.of("2@npux1"), decide(Map.of(), v));
    }

    @Test
    void blockLayersSetsTheBlockCappedAtWhatIsLeft() {
        HandView v = new HandView();
        v.accelerator("npu", 64);
        int t = v.task("t", v.model("M", layers(5, 10)), 1_000);
        v.job(1, t).next(3); // 2 layers left
        assertEquals(List.of("1@npux2"), decide(Map.of("blockLayers", "4"), v), "min(4, 2 left)");
        HandView fresh = new HandView();
        fresh.accelerator("npu", 64);
        int f = fresh.task("t", fresh.model("M", layers(5, 10)), 1_000);
        fresh.job(1, f);
        assertEquals(List.of("1@npux4"), decide(Map.of("blockLayers", "4"), fresh));
        assertEquals(List.of("1@npux1"), decide(Map.of(), fresh), "default: one layer per block");
    }

    @Test
    void aBlockBelowOneLayerIsRejectedWithThePolicyAndTheKey() {
        HandView v = new HandView();
        v.accelerator("npu", 64);
        v.task("t", v.model("M", layers(1, 10)), 1_000);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ShortestRemainingFirstPolicy().create(v.context(Map.of("blockLayers", "0"))));
        assertEquals("example-srf: blockLayers: must be in [1, 2147483647], got 0", e.getMessage());
        assertEquals("example-srf: blockLayers: not an integer: 'one'", assertThrows(InvalidInputException.class,
                () -> new ShortestRemainingFirstPolicy().create(v.context(Map.of("blockLayers", "one"))))
                .getMessage());
        assertEquals(Map.of("blockLayers", "1"), new ShortestRemainingFirstPolicy().defaultProperties(),
                "the keys the engine accepts from --set, with their default values");
    }
}
