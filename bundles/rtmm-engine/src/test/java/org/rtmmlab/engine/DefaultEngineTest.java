package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.RecordingReporter.Recording;

/** Hand-computed runs of the default (integer-ns) engine. */
class DefaultEngineTest {

    private final Lab lab = new Lab();

    /** A: every 5 ms, 2 ms of work; B: every 20 ms, 9 ms; one accelerator, FIFO, 40 ms. */
    private RunResult twoTasks(String dropRule) {
        lab.single();
        lab.scenario("two", List.of(Lab.model("mA", 2), Lab.model("mB", 9)),
                List.of(Task.periodic("A", "mA", 5 * MS), Task.periodic("B", "mB", 20 * MS)), List.of(), 40 * MS);
        RunResult r = lab.evaluator.run(Lab.config("two", "one", "fifo", 1, 0, false,
                Map.of("engine.dropRule", dropRule)), null, w -> { });
        Invariants.check(lab.recorder.last(), r);
        return r;
    }

    private static long[] finishes(List<RequestRecord> rs) {
        return rs.stream().mapToLong(RequestRecord::finishNs).toArray();
    }

    @Test
    void twoPeriodicTasksWithoutDropRuleFinishAtHandComputedTimes() {
        RunResult r = twoTasks("none");
        Recording rec = lab.recorder.last();
        // A0 [0,2] B0 [2,11] A1 [11,13] late(10) A2 [13,15] on time(=15) A3 [15,17];
        // at 20 B1's release event was queued before A4's (insertion order): B1 [20,29] A4 [29,31] late(25)
        // A5 [31,33] late(30) A6 [33,35] A7 [35,37]
        assertEquals(List.of(2L, 13L, 15L, 17L, 31L, 33L, 35L, 37L).stream().map(x -> x * MS).toList(),
                rec.requests("A").stream().map(RequestRecord::finishNs).toList());
        assertEquals(List.of(11 * MS, 29 * MS), rec.requests("B").stream().map(RequestRecord::finishNs).toList());
        assertEquals(new FrameCounts(8, 5, 3, 0, 0), r.perTask().get(0).frames());
        assertEquals(new FrameCounts(2, 2, 0, 0, 0), r.perTask().get(1).frames());
        assertEquals(Outcome.LATE, rec.requests("A").get(1).outcome());
        assertEquals(Outcome.ON_TIME, rec.requests("A").get(2).outcome(), "finishing exactly at the deadline is on time");
        assertEquals(3.0 / 8, r.perTask().get(0).metrics().get("missRate"));
        assertEquals(3.0 / 10, r.metric("missRate"));
        // latencies of A: 2,8,5,2,11,8,5,2 ms -> sorted 2,2,2,5,5,8,8,11: p50 = 4th = 5, p95 = p99 = 11
        assertEquals(5.0, r.perTask().get(0).metrics().get("latency.p50.ms"));
        assertEquals(11.0, r.perTask().get(0).metrics().get("latency.p95.ms"));
        assertEquals(11.0, r.perTask().get(0).metrics().get("latency.p99.ms"));
        assertEquals(40 * MS, r.simulatedNs());
        // busy 8 x 2 + 2 x 9 = 34 ms of 40
        assertEquals(34.0 / 40, r.metric("utilisation.acc0"), 1e-12);
        // energy: C = 1 per layer, 1 uJ each: 10 requests x 1 uJ = 1e-2 mJ
        assertEquals(0.01, r.metric("energy.dynamic.mJ"), 1e-12);
        assertEquals(0.01, r.energyMj(), 1e-12);
        assertEquals(1e-3, r.perTask().get(0).metrics().get("energyPerFrame.mJ"), 1e-15);
    }

    @Test
    void queuedLateRuleDropsRequestsNotStartedByTheirDeadline() {
        RunResult r = twoTasks("queued-late");
        Recording rec = lab.recorder.last();
        List<RequestRecord> a = rec.requests("A");
        // A1 (deadline 10) and A4 (deadline 25) never start in time and are dropped; A5 starts at 29 and ends late
        assertEquals(new FrameCounts(8, 5, 1, 2, 0), r.perTask().get(0).frames());
        assertEquals(Outcome.DROPPED, a.get(1).outcome());
        assertEquals(DropCause.DEADLINE, a.get(1).dropCause());
        assertEquals(10 * MS, a.get(1).finishNs(), "dropped at its deadline");
        assertEquals(-1, a.get(1).startNs());
        assertEquals(Outcome.DROPPED, a.get(4).outcome());
        assertEquals(25 * MS, a.get(4).finishNs());
        assertEquals(13 * MS, a.get(2).finishNs());
        assertEquals(Outcome.LATE, a.get(5).outcome(), "a started request runs to completion even when late");
        assertEquals(31 * MS, a.get(5).finishNs());
        assertEquals(33 * MS, a.get(6).finishNs());
        assertEquals(0.75, r.perTask().get(0).metrics().get("xrbench.qoe"), 1e-12);
    }

    @Test
    void requestsStillQueuedOrRunningAtTheHorizonAreInFlight() {
        lab.single();
        lab.scenario("long", List.of(Lab.model("m", 7)), List.of(Task.periodic("T", "m", 5 * MS)), List.of(), 20 * MS);
        RunResult r = lab.evaluator.run(Lab.config("long", "one", "fifo", 1, 0, false,
                Map.of("engine.dropRule", "none")), null, null);
        Invariants.check(lab.recorder.last(), r);
        // releases at 0,5,10,15; runs [0,7] [7,14] (both late) [14,21]: T2 running and T3 queued at 20 ms
        assertEquals(new FrameCounts(4, 0, 2, 0, 2), r.frames());
        List<RequestRecord> t = lab.recorder.last().requests("T");
        assertEquals(Outcome.IN_FLIGHT, t.get(2).outcome());
        assertEquals(14 * MS, t.get(2).startNs());
        assertEquals(-1, t.get(3).startNs());
        // accelerator busy the whole 20 ms, but the running block's energy is not booked
        assertEquals(1.0, r.metric("utilisation.acc0"), 1e-12);
        assertEquals(2e-3, r.metric("energy.dynamic.mJ"), 1e-15);
    }

    @Test
    void idleEnergyIsIdlePowerTimesIdleTime() {
        lab.platform("idle", FixedCostModel.accelerator("acc0").idlePowerW(2).build(),
                FixedCostModel.accelerator("acc1").idlePowerW(0.5).build());
        lab.scenario("idle", List.of(Lab.model("m", 3)), List.of(Task.periodic("T", "m", 10 * MS)), List.of(), 40 * MS);
        RunResult r = lab.evaluator.run(Lab.config("idle", "idle", "fifo", 1, 0, false, Map.of()), null, null);
        Invariants.check(lab.recorder.last(), r);
        // acc0 busy 4 x 3 ms = 12 ms, idle 28 ms at 2 W = 56 mJ; acc1 idle 40 ms at 0.5 W = 20 mJ
        assertEquals(76.0, r.metric("energy.idle.mJ"), 1e-9);
        assertEquals(76.0 + 4e-3, r.energyMj(), 1e-9);
        assertEquals(0.3, r.metric("utilisation.acc0"), 1e-12);
        assertEquals(0.0, r.metric("utilisation.acc1"));
    }

    @Test
    void switchCostIsPaidWhenAJobMovesToAnotherAccelerator() {
        // acc1 is twice as fast; moving onto it costs 0.5 ms and 7 pJ
        lab.platform("two", FixedCostModel.accelerator("acc0").build(),
                FixedCostModel.accelerator("acc1").attribute("nsPerK", "500000").attribute("switchNs", "500000")
                        .attribute("switchPj", "7").build());
        lab.scenario("sw", List.of(Lab.model("m", 2, 2)), List.of(Task.periodic("T", "m", 100 * MS)), List.of(),
                50 * MS);
        lab.policy(org.rtmmlab.engine.support.Policies.of("split", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j)) {
                    int a = v.nextLayer(j) == 0 ? 0 : 1; // layer 0 on acc0, layer 1 on acc1
                    if (v.idle(a)) {
                        d.dispatch(j, a, 1);
                    }
                }
            }
        }));
        RunResult r = lab.evaluator.run(Lab.config("sw", "two", "split", 1, 0, false, Map.of()), null, null);
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        assertEquals(2, rec.blocks.size());
        BlockRecord first = rec.blocks.get(0);
        BlockRecord second = rec.blocks.get(1);
        assertEquals(new BlockRecord(0, "T", 0, 0, 0, 1, 0, 2 * MS, 0, 1e6, 1.0), first);
        // starts after the 0.5 ms switch, runs 1 ms on the fast accelerator
        assertEquals(new BlockRecord(0, "T", 0, 1, 1, 1, 2 * MS + MS / 2, 3 * MS + MS / 2, MS / 2, 1e6 + 7, 1.0), second);
        RequestRecord req = rec.requests.get(0);
        assertEquals("acc0+acc1", req.accelerators());
        assertEquals(2e6 + 7, req.energyPj());
        assertEquals(7e-9, r.metric("energy.switch.mJ"), 1e-21);
        assertEquals(2e-3, r.metric("energy.dynamic.mJ"), 1e-15);
    }

    @Test
    void setPeriodChangesTheReleaseRateAfterTheEventTime() {
        lab.single();
        lab.scenario("sp", List.of(Lab.model("m", 1)), List.of(Task.periodic("T", "m", 10 * MS)),
                List.of(new ScenarioEvent(25 * MS, ScenarioEvent.Kind.SET_PERIOD, "T", 5 * MS)), 40 * MS);
        RunResult r = lab.evaluator.run(Lab.config("sp", "one", "fifo", 1, 0, false, Map.of()), null, null);
        Invariants.check(lab.recorder.last(), r);
        // 0, 10, 20 at the old period; then re-anchored at max(25, 20 + 5) = 25, 30, 35
        assertEquals(List.of(0L, 10L, 20L, 25L, 30L, 35L), arrivalsMs(lab.recorder.last()));
        // the relative deadline followed the period
        assertEquals(30 * MS, lab.recorder.last().requests.get(3).deadlineNs());
    }

    @Test
    void stopEndsReleasesAndStartBeginsThem() {
        lab.single();
        Task late = new Task("L", "m", 10 * MS, 10 * MS, 0, 0, 1, null, 1.0, false);
        lab.scenario("ss", List.of(Lab.model("m", 1)), List.of(Task.periodic("T", "m", 10 * MS), late),
                List.of(new ScenarioEvent(15 * MS, ScenarioEvent.Kind.START, "L", 0),
                        new ScenarioEvent(25 * MS, ScenarioEvent.Kind.STOP, "T", 0)), 40 * MS);
        RunResult r = lab.evaluator.run(Lab.config("ss", "one", "fifo", 1, 0, false, Map.of()), null, null);
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        assertEquals(List.of(0 * MS, 10 * MS, 20 * MS), rec.requests("T").stream().map(RequestRecord::arrivalNs).toList());
        assertEquals(List.of(15 * MS, 25 * MS, 35 * MS), rec.requests("L").stream().map(RequestRecord::arrivalNs).toList());
        assertEquals(List.of(0L, 1L, 2L), rec.requests("L").stream().map(RequestRecord::frame).toList());
    }

    @Test
    void jitterDelaysReleasesWithinItsBoundAndDeadlinesFollowArrivals() {
        lab.single();
        Task jittered = new Task("T", "m", 10 * MS, 10 * MS, 3 * MS, 0, 1, null, 1.0, true);
        lab.scenario("jit", List.of(Lab.model("m", 1)), List.of(jittered), List.of(), 1000 * MS);
        RunResult r = lab.evaluator.run(Lab.config("jit", "one", "fifo", 5, 0, false, Map.of()), null, null);
        Invariants.check(lab.recorder.last(), r);
        List<RequestRecord> reqs = lab.recorder.last().requests;
        boolean anyJitter = false;
        for (RequestRecord q : reqs) {
            long offset = q.arrivalNs() - q.frame() * 10 * MS;
            assertTrue(offset >= 0 && offset <= 3 * MS, "jitter within [0, 3 ms]: " + q);
            anyJitter |= offset > 0;
            assertEquals(q.arrivalNs() + 10 * MS, q.deadlineNs());
        }
        assertTrue(anyJitter);
        assertEquals(100, reqs.size());
    }

    private static List<Long> arrivalsMs(Recording rec) {
        return rec.requests.stream().map(q -> q.arrivalNs() / MS).toList();
    }
}
