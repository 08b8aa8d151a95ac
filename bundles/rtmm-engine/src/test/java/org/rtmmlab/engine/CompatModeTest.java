package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.RecordingReporter.Recording;

/** XRBench compatibility mode on hand-built scenarios (float32 ms clock, base ticks, strict late drops, quirks). */
class CompatModeTest {

    private final Lab lab = new Lab();

    private static long ms(double v) {
        return Math.round(v * 1e6);
    }

    private static void request(RequestRecord q, long frame, double injection, double dispatch, double deadline,
                                double completion, Outcome outcome) {
        String where = q.toString();
        assertEquals(frame, q.frame(), where);
        assertEquals(ms(injection), q.arrivalNs(), where);
        assertEquals(dispatch < 0 ? -1 : ms(dispatch), q.startNs(), where);
        assertEquals(ms(deadline), q.deadlineNs(), where);
        assertEquals(completion < 0 ? -1 : ms(completion), q.finishNs(), where);
        assertEquals(outcome, q.outcome(), where);
    }

    private static double rt(double delayMs) {
        return 1 / (1 + Math.exp(15 * delayMs));
    }

    /**
     * A: every 10 ms, 3.5 ms; B: every 20 ms, 16.25 ms; one accelerator; 60 ms. Base tick = 1000/100 = 10 ms.
     * Events: 0, 3.5, 10, 19.75, 20, 23.25, 26.75, 30, 40, 43, 46.5, 50 (the last one releases the last frame).
     */
    @Test
    void twoTasksFollowTheXrbenchClockDropsAndTermination() {
        lab.platform("q", FixedCostModel.accelerator("acc0").attribute("nsPerK", "250000").build());
        lab.scenario("ab", List.of(Lab.model("A", 14), Lab.model("B", 65)),
                List.of(Task.periodic("A", "A", 10 * MS), Task.periodic("B", "B", 20 * MS)), List.of(), 700 * MS);
        RunResult r = lab.evaluator.run(Lab.config("ab", "q", "greedy-mimic", 3, 60 * MS, true, Map.of()), null, null);
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        List<RequestRecord> a = rec.requests("A");
        List<RequestRecord> b = rec.requests("B");
        request(a.get(0), 0, 0, 0, 10, 3.5, Outcome.ON_TIME);
        request(b.get(0), 0, 0, 3.5, 20, 19.75, Outcome.ON_TIME);
        request(a.get(1), 1, 10, 19.75, 20, 23.25, Outcome.LATE);
        request(a.get(2), 2, 20, 23.25, 30, 26.75, Outcome.ON_TIME);
        request(b.get(1), 1, 20, 26.75, 40, 43, Outcome.LATE);
        // A3's deadline is 40: at the 40 ms tick it is not yet "< now"; it is dropped at the next event, 43 ms
        request(a.get(3), 3, 30, -1, 40, 43, Outcome.DROPPED);
        assertEquals(DropCause.DEADLINE, a.get(3).dropCause());
        request(a.get(4), 4, 40, 43, 50, 46.5, Outcome.ON_TIME);
        // termination quirk: the 50 ms event releases A5, the last outstanding frame; B2 (running) and A5 (queued)
        // are never logged
        request(b.get(2), 2, 40, 46.5, 60, -1, Outcome.IN_FLIGHT);
        request(a.get(5), 5, 50, -1, 60, -1, Outcome.IN_FLIGHT);
        assertEquals(new FrameCounts(6, 3, 1, 1, 1), r.perTask().get(0).frames());
        assertEquals(new FrameCounts(3, 1, 1, 0, 1), r.perTask().get(1).frames());
        assertEquals(12.0, r.metric("events"));
        assertEquals(50 * MS, r.simulatedNs());

        // XRBench score, computed independently in double (energy 1 uJ per inference)
        double en = (1500 - 1e-3) / 1500;
        double sa = (rt(3.5 - 10) + rt(23.25 - 20) + rt(26.75 - 30) + rt(46.5 - 50)) * en / 5 * (1 - 1 / 5.0);
        double sb = (rt(19.75 - 20) + rt(43 - 40)) * en / 2;
        assertEquals(100 * (sa + sb) / 2, r.metric("xrbench.score"), 1e-4);
        assertEquals(sa, r.perTask().get(0).metrics().get("xrbench.score"), 1e-6);
        assertEquals(0.8, r.perTask().get(0).metrics().get("xrbench.qoe"), 1e-7);
        assertEquals((rt(19.75 - 20) + rt(3)) / 2, r.perTask().get(1).metrics().get("xrbench.rt"), 1e-6);
    }

    /** A job ending up to 0.01 ms after an event is retired at that event: the next frame starts 5 us early. */
    @Test
    void finishMarginRetiresJobsEarlyAndKeepsTheirTrueCompletion() {
        lab.platform("m", FixedCostModel.accelerator("acc0").attribute("nsPerK", "1000").build());
        lab.scenario("margin", List.of(Lab.model("A", 10005)), List.of(Task.periodic("A", "A", 10 * MS)), List.of(),
                700 * MS);
        RunResult r = lab.evaluator.run(Lab.config("margin", "m", "greedy-mimic", 3, 50 * MS, true, Map.of()), null,
                null);
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        float latency = 10005000f / 1e6f;
        for (int i = 0; i < 4; i++) {
            RequestRecord q = rec.requests.get(i);
            float dispatch = 10f * i;
            assertEquals(ms(dispatch), q.startNs(), "dispatched at the tick, before the previous logged completion");
            assertEquals(Math.round((double) (dispatch + latency) * 1e6), q.finishNs());
            assertEquals(Outcome.LATE, q.outcome());
        }
        assertTrue(rec.requests.get(1).startNs() < rec.requests.get(0).finishNs());
        request(rec.requests.get(4), 4, 40, 40, 50, -1, Outcome.IN_FLIGHT);
        assertEquals(5.0, r.metric("events"), "only the base ticks are events");
        assertEquals(5.0, r.metric("decisions"));
        double meanRt = 0;
        for (int i = 0; i < 4; i++) {
            float delay = (10f * i + latency) - 10f * (i + 1);
            meanRt += (1f / (1f + (float) Math.exp(15f * delay))) / 4.0;
        }
        assertEquals(meanRt, r.perTask().get(0).metrics().get("xrbench.rt"), 1e-12);
        assertEquals(0.4812, meanRt, 1e-3);
    }

    /** Dependencies count completions: D's frame i waits until U completed i + 1 inferences. */
    @Test
    void dependentFramesWaitForUpstreamCompletions() {
        lab.platform("two", FixedCostModel.accelerator("acc0").attribute("nsPerK", "250000").build(),
                FixedCostModel.accelerator("acc1").attribute("nsPerK", "250000").build());
        lab.scenario("dep", List.of(Lab.model("U", 14), Lab.model("D", 4)),
                List.of(Task.periodic("U", "U", 10 * MS), Task.cascaded("D", "D", 10 * MS, "U", 1.0)), List.of(),
                700 * MS);
        RunResult r = lab.evaluator.run(Lab.config("dep", "two", "greedy-mimic", 3, 30 * MS, true, Map.of()), null,
                null);
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        // U_i [10i, 10i + 3.5] on acc0; D_i released at 10i too but dispatched when U_i retires, on acc0 (lowest index)
        for (int i = 0; i < 2; i++) {
            request(rec.requests("U").get(i), i, 10 * i, 10 * i, 10 * i + 10, 10 * i + 3.5, Outcome.ON_TIME);
            request(rec.requests("D").get(i), i, 10 * i, 10 * i + 3.5, 10 * i + 10, 10 * i + 4.5, Outcome.ON_TIME);
        }
        RequestRecord first = rec.requests.stream().filter(q -> q.requestId() == 0).findFirst().orElseThrow();
        assertEquals("D", first.task(), "requests enter their queues in model-name order");
    }

    @Test
    void compatModeRejectsPeriodsBelowOneMillisecond() {
        lab.single();
        lab.scenario("fast", List.of(Lab.model("m", 1)), List.of(Task.periodic("T", "m", 500_000)), List.of(), MS);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.rtmmlab.api.InvalidInputException.class,
                () -> lab.evaluator.run(Lab.config("fast", "one", "fifo", 1, 0, true, Map.of()), null, null));
        assertTrue(e.getMessage().contains("at least 1 ms"), e.getMessage());
    }
}
