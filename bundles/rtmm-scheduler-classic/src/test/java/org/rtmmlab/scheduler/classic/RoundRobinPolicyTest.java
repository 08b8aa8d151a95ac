package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.Scheduler;

class RoundRobinPolicyTest {

    /** Three models on one accelerator, two jobs of A (one far older), one of B, one of C. */
    private static FakeView threeModels() {
        FakeView v = new FakeView(1);
        int a = v.task("A", v.uniformModel("A", 5, 1));
        int b = v.task("B", v.uniformModel("B", 5, 1));
        int c = v.task("C", v.uniformModel("C", 5, 1));
        v.job(1, a).arrival(0);
        v.job(2, a).arrival(1);
        v.job(3, b).arrival(2);
        v.job(4, c).arrival(3);
        return v;
    }

    @Test
    void modelsTakeTurnsOneBlockEachAcrossDecisionPoints() {
        Scheduler s = new RoundRobinPolicy().create(FakeContext.none());
        List<String> served = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            FakeView v = threeModels(); // the accelerator is idle again after each one-layer block
            RecordingDecisions d = new RecordingDecisions(v);
            s.decide(v, d);
            served.addAll(d.log);
        }
        // A's oldest job, then B, C, back to A (still its oldest job), B
        assertEquals(List.of("1@acc0x1", "3@acc0x1", "4@acc0x1", "1@acc0x1", "3@acc0x1"), served);
    }

    @Test
    void oneCallFillsSeveralAcceleratorsInTurnAndSkipsModelsWithNothingReady() {
        FakeView v = new FakeView(3);
        int a = v.task("A", v.uniformModel("A", 2, 1, 2, 3));
        int b = v.task("B", v.uniformModel("B", 2, 1, 2, 3));
        int c = v.task("C", v.uniformModel("C", 2, 1, 2, 3));
        v.job(1, a).arrival(0);
        v.job(2, a).arrival(1);
        v.job(3, b).arrival(2).notReady();
        v.job(4, c).arrival(3);
        RecordingDecisions d = new RecordingDecisions(v);
        new RoundRobinPolicy().create(FakeContext.none()).decide(v, d);
        assertEquals(List.of("1@acc0x1", "4@acc1x1", "2@acc2x1"), d.log);
    }

    @Test
    void configAdminSetsTheDefaultBlockAndRunPropertiesWin() {
        RoundRobinPolicy p = new RoundRobinPolicy();
        p.configure(Map.of(BlockLayers.KEY, 3, "component.name", "x"));
        FakeView v = threeModels();
        RecordingDecisions d = new RecordingDecisions(v);
        p.create(FakeContext.none()).decide(v, d);
        assertEquals(List.of("1@acc0x3"), d.log);
        RecordingDecisions d2 = new RecordingDecisions(v);
        p.create(FakeContext.of(BlockLayers.KEY, "2")).decide(v, d2);
        assertEquals(List.of("1@acc0x2"), d2.log);
        assertTrue(p.defaultProperties().get(BlockLayers.KEY).startsWith("3 "));
    }

    @Test
    void invalidBlockLayersNamesPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RoundRobinPolicy().create(FakeContext.of("blockLayers", "x")));
        assertEquals("rr", e.source());
        assertEquals("blockLayers", e.path());
    }
}
