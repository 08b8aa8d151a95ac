package org.rtmmlab.scheduler.prema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/** PREMA's tokens, threshold, candidate choice and preemption mechanisms, on hand-computable views. */
class PremaPolicyTest {

    private static final long SECOND = 1_000_000_000L;

    private static Task task(String id, String model, int priority) {
        return new Task(id, model, SECOND, SECOND, 0, 0, priority, null, 1.0, true);
    }

    private static long[][] layers(int n, long ns) {
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new long[] {ns};
        }
        return out;
    }

    /**
     * One NPU at t = 30: job 1 (priority 1, 10 layers of 10 ns) just finished layer 3 there; job 2 (priority 9,
     * 2 layers of 10 ns) just arrived.
     */
    private static HandView longLowAndShortHigh(int longDone) {
        HandView v = new HandView().at(30);
        v.accelerator("npu", 64);
        v.model("Long", layers(10, 10));
        v.model("Short", layers(2, 10));
        int low = v.task(task("low", "Long", 1));
        int high = v.task(task("high", "Short", 9));
        v.job(1, low).arrival(0).next(longDone).ranOn(0, 30);
        v.job(2, high).arrival(30);
        return v;
    }

    private static List<String> decide(Map<String, String> properties, HandView v) {
        HandDecisions d = new HandDecisions(v);
        new PremaPolicy().create(v.context(properties)).decide(v, d);
        return d.log();
    }

    @Test
    void aShortHighPriorityJobPreemptsALongLowPriorityOneWhichKeepsItsProgress() {
        // tokens: high = 9 (threshold 9), low = 1 + 1 x 0 / 100: only the high job is a candidate; the long job has
        // 70 ns left > 20 ns, so it is checkpointed, not drained
        assertEquals(List.of("2@npux1"), decide(Map.of(), longLowAndShortHigh(3)));
    }

    @Test
    void aJobCloseToTheEndIsDrainedInstead() {
        // 9 of 10 layers done: 10 ns left <= 20 ns of the high-priority job: the incumbent finishes first
        assertEquals(List.of("1@npux1"), decide(Map.of(), longLowAndShortHigh(9)));
    }

    @Test
    void aJobWithLittleWorkDoneIsKilledWhenCheckpointingCostsMore() {
        // 3 layers = 30 ns executed <= checkpoint cost 50 ns: restart the incumbent, then run the candidate
        assertEquals(List.of("restart 1", "2@npux1"), decide(Map.of("checkpointNs", "50"), longLowAndShortHigh(3)));
        assertEquals(List.of("2@npux1"), decide(Map.of("checkpointNs", "29"), longLowAndShortHigh(3)));
    }

    @Test
    void tokensAgeWithWaitingTimeOverIsolatedTimeAndTheShortestCandidateWins() {
        HandView v = new HandView().at(20);
        v.accelerator("npu", 64);
        v.model("Old", layers(1, 10));   // isolated 10 ns
        v.model("Fresh", layers(3, 10)); // isolated 30 ns
        int old = v.task(task("old", "Old", 1));
        int fresh = v.task(task("fresh", "Fresh", 3));
        v.job(1, fresh).arrival(20);
        v.job(2, old).arrival(0);
        // old's token = 1 + 1 x 20 / 10 = 3 reaches the threshold 3 of the fresh priority-3 job: both are
        // candidates, and old is shorter (10 ns < 30 ns)
        assertEquals(List.of("2@npux1"), decide(Map.of(), v));
        HandView young = new HandView().at(10);
        young.accelerator("npu", 64);
        young.model("Old", layers(1, 10));
        young.model("Fresh", layers(3, 10));
        int o = young.task(task("old", "Old", 1));
        int f = young.task(task("fresh", "Fresh", 3));
        young.job(1, f).arrival(10);
        young.job(2, o).arrival(0);
        // after 10 ns old's token is only 2 < 3: the priority-3 job runs although it is longer
        assertEquals(List.of("1@npux1"), decide(Map.of(), young));
    }

    @Test
    void withSeveralAcceleratorsEachGetsTheNextCandidateOnTheFastestIdleAccelerator() {
        HandView v = new HandView().at(5);
        v.accelerator("a0", 64);
        v.accelerator("a1", 64);
        int m = v.model("M", new long[][] {{1, 4}, {1, 4}, {1, 4}});
        int t = v.task(task("t", "M", 1));
        v.job(1, t).arrival(0);
        v.job(2, t).arrival(1).next(1).ranOn(1, 5);
        // job 2 is shorter (2 ns left): it goes first, to the faster a0 although it ran on a1; job 1 gets a1
        assertEquals(List.of("2@a0x1", "1@a1x1"), decide(Map.of(), v));
        assertEquals(0, m);
    }

    @Test
    void aViewWhoseIdsDoNotIncreaseIsDecidedAlikeByTheScan() {
        // the jobs of the first test listed the other way round (ids 2, 1): the kept queues cannot find jobs by id
        // there, and the scan decides, with the same result
        HandView v = new HandView().at(30);
        v.accelerator("npu", 64);
        v.model("Long", layers(10, 10));
        v.model("Short", layers(2, 10));
        int low = v.task(task("low", "Long", 1));
        int high = v.task(task("high", "Short", 9));
        v.job(2, high).arrival(30);
        v.job(1, low).arrival(0).next(3).ranOn(0, 30);
        assertEquals(List.of("2@npux1"), decide(Map.of(), v));
        assertEquals(List.of("restart 1", "2@npux1"), decide(Map.of("checkpointNs", "50"), v));
    }

    @Test
    void threshold() {
        assertEquals(9, Tokens.threshold(9.0));
        assertEquals(3, Tokens.threshold(8.99));
        assertEquals(1, Tokens.threshold(1.0));
    }

    @Test
    void badPropertiesNameThePolicyAndTheKey() {
        HandView v = longLowAndShortHigh(3);
        for (Map.Entry<String, String> bad : Map.of("blockLayers", "0", "checkpointNs", "-1").entrySet()) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new PremaPolicy().create(v.context(Map.of(bad.getKey(), bad.getValue()))));
            assertEquals("prema", e.source());
            assertEquals(bad.getKey(), e.path());
        }
        PremaPolicy p = new PremaPolicy();
        p.configure(Map.of("checkpointNs", 50L));
        assertEquals("50", p.defaultProperties().get("checkpointNs"));
        HandDecisions d = new HandDecisions(v);
        Scheduler s = p.create(v.context(Map.of()));
        s.decide(v, d);
        assertEquals(List.of("restart 1", "2@npux1"), d.log());
    }
}
