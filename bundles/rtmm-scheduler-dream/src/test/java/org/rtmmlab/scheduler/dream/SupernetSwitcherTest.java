package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The switcher's load per level, thresholds, hysteresis and dwell time, on hand-computed sums. */
class SupernetSwitcherTest {

    // two levels below full, one accelerator, high 1.0, low 0.8, tau 100 ns, dwell 10 ns
    private static SupernetSwitcher switcher() {
        return new SupernetSwitcher(2, 1, 1.0, 0.8, 100, 10);
    }

    /** Releases work whose size at levels 0, 1, 2 is full, 0.6 x full and 0.3 x full. */
    private static void release(SupernetSwitcher s, double full) {
        s.released(0, full);
        s.released(1, 0.6 * full);
        s.released(2, 0.3 * full);
    }

    @Test
    void overloadStepsDownOneLevelPerDwellUntilTheLoadFits() {
        SupernetSwitcher s = switcher();
        release(s, 150); // load 1.5 / 0.9 / 0.45
        assertEquals(1.5, s.load(0), 1e-12);
        assertEquals(1, s.update(0));
        assertEquals(1, s.update(5), "dwell: no second step within 10 ns");
        assertEquals(1, s.update(10), "0.9 at level 1 fits; the full level (1.5) is not below 0.8");
    }

    @Test
    void theLevelStepsBackUpOnlyWhenTheLargerLevelWouldBeBelowLow() {
        SupernetSwitcher s = switcher();
        release(s, 150);
        s.update(0);
        s.decayTo(40); // x exp(-0.4) = 0.670: full load 1.005, still not below 0.8
        assertEquals(1, s.update(40));
        s.decayTo(70); // x exp(-0.7) = 0.497: full load 0.745 < 0.8
        assertEquals(0, s.update(70));
        assertEquals(2, s.changes());
    }

    @Test
    void betweenTheThresholdsNothingMoves() {
        SupernetSwitcher s = switcher();
        release(s, 90); // full load 0.9: not above 1.0
        assertEquals(0, s.update(0));
        assertEquals(0, s.changes());
        assertEquals(1, SupernetSwitcher.variantAt(1, 4));
        assertEquals(0, SupernetSwitcher.variantAt(2, 1), "a model without variants keeps its full model");
    }
}
