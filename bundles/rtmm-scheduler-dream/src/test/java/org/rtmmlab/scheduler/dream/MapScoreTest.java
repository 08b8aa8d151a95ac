package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The score's and the drop rule's formulas, on hand-computed values. */
class MapScoreTest {

    @Test
    void urgencyIsRemainingOverSlackCappedAtOneAndNegativePastTheDeadline() {
        assertEquals(0.5, MapScore.urgency(30, 60), 1e-12);
        assertEquals(1.0, MapScore.urgency(90, 60), 1e-12);
        assertEquals(1.0, MapScore.urgency(10, 0), 1e-12);
        assertEquals(-0.5, MapScore.urgency(10, -20), 1e-12, "the port's sign: a late job sinks");
    }

    @Test
    void fairnessIsWaitingTimeOverNextLayerLatency() {
        assertEquals(5.0, MapScore.fairness(100, 20), 1e-12);
        assertEquals(0.0, MapScore.fairness(0, 20), 1e-12);
        assertEquals(7.0, MapScore.fairness(7, 0), 1e-12, "a zero-latency layer counts as 1 ns");
    }

    @Test
    void aFrameIsHopelessWhenItsBestRemainingLatencyOverrunsTheDeadlinePlusTolerance() {
        // released at 0, deadline 100, now 60: 40 ns left fit, 41 do not
        assertFalse(AdmissionControl.hopeless(60, 40, 0, 100, 0));
        assertTrue(AdmissionControl.hopeless(60, 41, 0, 100, 0));
        // tolerance 0.5 of the 100 ns relative deadline: up to 150
        assertFalse(AdmissionControl.hopeless(60, 90, 0, 100, 0.5));
        assertTrue(AdmissionControl.hopeless(60, 91, 0, 100, 0.5));
    }
}
