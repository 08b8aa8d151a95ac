package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.scheduler.classic.ClassicViews.PERIOD_NS;
import static org.rtmmlab.scheduler.classic.ClassicViews.context;
import static org.rtmmlab.scheduler.classic.ClassicViews.uniform;
import static org.rtmmlab.scheduler.classic.ClassicViews.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

class RoundRobinPolicyTest {

    /** Three models on one accelerator, two jobs of A (one far older), one of B, one of C. */
    private static HandView threeModels() {
        HandView v = view(1);
        int a = v.task("A", v.model("A", uniform(5, 1)), PERIOD_NS);
        int b = v.task("B", v.model("B", uniform(5, 1)), PERIOD_NS);
        int c = v.task("C", v.model("C", uniform(5, 1)), PERIOD_NS);
        v.job(1, a).arrival(0);
        v.job(2, a).arrival(1);
        v.job(3, b).arrival(2);
        v.job(4, c).arrival(3);
        return v;
    }

    @Test
    void modelsTakeTurnsOneBlockEachAcrossDecisionPoints() {
        Scheduler s = new RoundRobinPolicy().create(context(Map.of()));
        List<String> served = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            HandView v = threeModels(); // the accelerator is idle again after each one-layer block
            HandDecisions d = new HandDecisions(v);
            s.decide(v, d);
            served.addAll(d.log());
        }
        // A's oldest job, then B, C, back to A (still its oldest job), B
        assertEquals(List.of("1@acc0x1", "3@acc0x1", "4@acc0x1", "1@acc0x1", "3@acc0x1"), served);
    }

    @Test
    void oneCallFillsSeveralAcceleratorsInTurnAndSkipsModelsWithNothingReady() {
        HandView v = view(3);
        int a = v.task("A", v.model("A", uniform(2, 1, 2, 3)), PERIOD_NS);
        int b = v.task("B", v.model("B", uniform(2, 1, 2, 3)), PERIOD_NS);
        int c = v.task("C", v.model("C", uniform(2, 1, 2, 3)), PERIOD_NS);
        v.job(1, a).arrival(0);
        v.job(2, a).arrival(1);
        v.job(3, b).arrival(2).notReady();
        v.job(4, c).arrival(3);
        HandDecisions d = new HandDecisions(v);
        new RoundRobinPolicy().create(v.context(Map.of())).decide(v, d);
        assertEquals(List.of("1@acc0x1", "4@acc1x1", "2@acc2x1"), d.log());
    }

    @Test
    void configAdminSetsTheDefaultBlockAndRunPropertiesWin() {
        RoundRobinPolicy p = new RoundRobinPolicy();
        p.configure(Map.of(BlockLayers.KEY, 3, "component.name", "x"));
        HandView v = threeModels();
        HandDecisions d = new HandDecisions(v);
        p.create(v.context(Map.of())).decide(v, d);
        assertEquals(List.of("1@acc0x3"), d.log());
        HandDecisions d2 = new HandDecisions(v);
        p.create(v.context(Map.of(BlockLayers.KEY, "2"))).decide(v, d2);
        assertEquals(List.of("1@acc0x2"), d2.log());
        assertEquals("3", p.defaultProperties().get(BlockLayers.KEY));
        assertEquals("[0, 2147483647]", p.properties().get(0).range());
    }

    @Test
    void invalidBlockLayersNamesPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new RoundRobinPolicy().create(context(Map.of("blockLayers", "x"))));
        assertEquals("rr", e.source());
        assertEquals("blockLayers", e.path());
    }
}
