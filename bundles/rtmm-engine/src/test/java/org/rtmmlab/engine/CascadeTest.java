package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;
import org.rtmmlab.engine.support.RecordingReporter.Recording;

/** Cascaded tasks in the default engine. */
class CascadeTest {

    private final Lab lab = new Lab();

    /** U every 10 ms (2 ms of work) triggers D (3 ms, relative deadline 10 ms) with probability p; 30 ms. */
    private RunResult cascade(double p, String policy, long seed) {
        lab.single();
        lab.scenario("casc", List.of(Lab.model("mU", 2), Lab.model("mD", 3)),
                List.of(Task.periodic("U", "mU", 10 * MS), Task.cascaded("D", "mD", 10 * MS, "U", p)), List.of(),
                30 * MS);
        RunResult r = lab.evaluator.run(Lab.config("casc", "one", policy, seed, 0, false, Map.of()), null, null);
        Invariants.check(lab.recorder.last(), r);
        return r;
    }

    @Test
    void probabilityZeroReleasesNothingDownstream() {
        RunResult r = cascade(0.0, "fifo", 1);
        assertEquals(new FrameCounts(0, 0, 0, 0, 0), r.perTask().get(1).frames());
        assertEquals(3, r.perTask().get(0).frames().released());
        assertTrue(lab.recorder.last().requests("D").isEmpty());
        assertTrue(!r.perTask().get(1).metrics().containsKey("xrbench.score"), "no logged frame, no score");
    }

    @Test
    void probabilityOneReleasesOnePerUpstreamCompletionWithTheUpstreamDeadline() {
        RunResult r = cascade(1.0, "fifo", 1);
        List<RequestRecord> d = lab.recorder.last().requests("D");
        assertEquals(3, d.size());
        for (int f = 0; f < 3; f++) {
            RequestRecord q = d.get(f);
            assertEquals(f, q.frame());
            assertEquals(f * 10 * MS + 2 * MS, q.arrivalNs(), "released when U's frame completes");
            assertEquals(f * 10 * MS + 10 * MS, q.deadlineNs(), "upstream arrival + relative deadline");
            assertEquals(f * 10 * MS + 5 * MS, q.finishNs());
            assertEquals(Outcome.ON_TIME, q.outcome());
        }
        assertEquals(new FrameCounts(3, 3, 0, 0, 0), r.perTask().get(1).frames());
    }

    @Test
    void droppingAnUpstreamFrameDropsItsDependents() {
        // drops every odd frame of U while it waits, otherwise FIFO
        lab.policy(Policies.of("drop-odd", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j) && v.jobTask(j) == 0 && v.jobFrame(j) % 2 == 1) {
                    d.drop(j);
                }
            }
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j) && v.idle(0)) {
                    d.dispatch(j, 0, v.layerCount(j));
                }
            }
        }));
        RunResult r = cascade(1.0, "drop-odd", 1);
        Recording rec = lab.recorder.last();
        RequestRecord u1 = rec.requests("U").get(1);
        assertEquals(DropCause.POLICY, u1.dropCause());
        RequestRecord d1 = rec.requests("D").get(1);
        assertEquals(1, d1.frame());
        assertEquals(Outcome.DROPPED, d1.outcome());
        assertEquals(DropCause.UPSTREAM, d1.dropCause());
        assertEquals(10 * MS, d1.arrivalNs(), "released and dropped at the upstream drop");
        assertEquals(10 * MS, d1.finishNs());
        assertEquals(new FrameCounts(3, 2, 0, 1, 0), r.perTask().get(1).frames());
        assertEquals(new FrameCounts(6, 4, 0, 2, 0), r.frames());
    }

    @Test
    void aDeadlineDropUpstreamAlsoDropsDependents() {
        // U needs 12 ms per 10 ms frame: with queued-late, frames that cannot start in time are dropped
        lab.single();
        lab.scenario("slow", List.of(Lab.model("mU", 12), Lab.model("mD", 1)),
                List.of(Task.periodic("U", "mU", 10 * MS), Task.cascaded("D", "mD", 10 * MS, "U", 1.0)), List.of(),
                60 * MS);
        RunResult r = lab.evaluator.run(Lab.config("slow", "one", "fifo", 1, 0, false, Map.of()), null, null);
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        long upstreamDeadlineDrops = rec.requests("U").stream().filter(q -> q.dropCause() == DropCause.DEADLINE)
                .count();
        long downstreamUpstreamDrops = rec.requests("D").stream().filter(q -> q.dropCause() == DropCause.UPSTREAM)
                .count();
        assertTrue(upstreamDeadlineDrops > 0);
        assertEquals(upstreamDeadlineDrops, downstreamUpstreamDrops);
    }

    @Test
    void seedsChangeCascadeDrawsAndRepeatIdentically() {
        lab.single();
        lab.scenario("half", List.of(Lab.model("mU", 1), Lab.model("mD", 1)),
                List.of(Task.periodic("U", "mU", 10 * MS), Task.cascaded("D", "mD", 10 * MS, "U", 0.5)), List.of(),
                2000 * MS);
        List<Long> a = dFrames(lab, 1);
        List<Long> again = dFrames(lab, 1);
        List<Long> b = dFrames(lab, 2);
        assertEquals(a, again);
        assertNotEquals(a, b);
        assertTrue(a.size() > 60 && a.size() < 140, "about half of 200 frames: " + a.size());
    }

    private static List<Long> dFrames(Lab lab, long seed) {
        RunResult r = lab.evaluator.run(Lab.config("half", "one", "fifo", seed, 0, false, Map.of()), null, null);
        Invariants.check(lab.recorder.last(), r);
        return lab.recorder.last().requests("D").stream().map(RequestRecord::frame).toList();
    }
}
