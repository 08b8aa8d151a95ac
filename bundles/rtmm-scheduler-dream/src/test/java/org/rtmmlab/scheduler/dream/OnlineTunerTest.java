package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The tuner's rounds on synthetic windows: each window's UXCost is a function of the parameters it ran with, so every
 * step is computable by hand. Start values alpha 1, beta 0, dropTolerance 0; default steps 0.5, 0.25, 0.1; 5 windows per
 * round.
 */
class OnlineTunerTest {

    /** Start values pinned (the built-in defaults may change when they are re-chosen). */
    private static final Map<String, String> START = Map.of("alpha", "1", "beta", "0", "dropTolerance", "0");
    private static final DreamSettings DEFAULTS = DreamSettings.read("dream", START, Map.of());

    /** A window in which {@code ended} requests ended, {@code violations} of them late, costing E / E_ref = ratio. */
    private static WindowAccount window(double ratio, int ended, int violations) {
        WindowAccount w = new WindowAccount();
        for (int i = 0; i < ended; i++) {
            w.addEnded(ratio, 1, i < violations, false);
        }
        return w;
    }

    /** Closes {@code n} windows from {@code first} with a cost that depends on the parameters in use. */
    private static void run(OnlineTuner t, int first, int n, double load, ToDoubleFunction<OnlineTuner> ratio,
                            int violations) {
        for (int i = first; i < first + n; i++) {
            t.closeWindow(i, window(ratio.applyAsDouble(t), 100, violations), load);
        }
    }

    @Test
    void withoutViolationsBetaGoesUpWhileEnergyFallsAndTheRoundEndsAfterFiveWindows() {
        OnlineTuner t = new OnlineTuner(DEFAULTS, true);
        // energy ratio 2 - beta (down to 1 at beta 1); alpha and the tolerance do not matter
        run(t, 0, 1, 1.0, x -> 2 - Math.min(1, x.value(OnlineTuner.BETA)), 0);
        assertEquals(0.25, t.value(OnlineTuner.BETA), 1e-12, "baseline measured; first trial: beta up");
        run(t, 1, 1, 1.0, x -> 2 - Math.min(1, x.value(OnlineTuner.BETA)), 0);
        assertEquals(0.25, t.value(OnlineTuner.BETA), 1e-12, "cheaper: kept");
        assertEquals(0.1, t.value(OnlineTuner.TOLERANCE), 1e-12, "next trial: the tolerance, in its last direction");
        run(t, 2, 3, 1.0, x -> 2 - Math.min(1, x.value(OnlineTuner.BETA)), 0);
        assertTrue(t.converged(), "5 windows: baseline + 4 trials");
        assertEquals(0.5, t.value(OnlineTuner.BETA), 1e-12, "beta tried again (window 4) and kept");
        assertEquals(0.0, t.value(OnlineTuner.TOLERANCE), 1e-12, "no gain: restored");
        assertEquals(1.0, t.value(OnlineTuner.ALPHA), 1e-12, "no gain: restored");
        assertEquals(5, t.windows().size());
        assertTrue(t.windows().get(4).converged());
        assertFalse(t.windows().get(3).converged());
        assertEquals(0.01 * 1.75, t.windows().get(2).uxcost(), 1e-12, "(E / E_ref) x floor, floor 0.01");
    }

    @Test
    void aStepThatIsNotCheaperIsUndoneReversedAndHalved() {
        Map<String, String> longRounds = Map.of(DreamSettings.TUNER_MAX_STEPS, "50");
        OnlineTuner t = new OnlineTuner(DreamSettings.read("dream", START, longRounds), true);
        // cost minimal at beta = 0.6: steps 0.25 up to 0.5, 0.75 is dearer -> back to 0.5, step 0.125 downwards...
        ToDoubleFunction<OnlineTuner> cost = x -> 1 + Math.abs(x.value(OnlineTuner.BETA) - 0.6);
        run(t, 0, 1, 1.0, cost, 0);  // baseline, trial beta 0.25
        run(t, 1, 1, 1.0, cost, 0);  // kept; trial tolerance
        run(t, 2, 2, 1.0, cost, 0);  // tolerance, alpha rejected (halved once); trial beta 0.5
        assertEquals(0.5, t.value(OnlineTuner.BETA), 1e-12);
        run(t, 4, 3, 1.0, cost, 0);  // kept; tolerance and alpha rejected again (halved twice); trial beta 0.75
        assertEquals(0.75, t.value(OnlineTuner.BETA), 1e-12);
        run(t, 7, 1, 1.0, cost, 0);  // 0.75 costs 1.15 > 1.1: back to 0.5, reversed, step 0.125
        assertEquals(0.5, t.value(OnlineTuner.BETA), 1e-12);
        assertFalse(t.converged());
    }

    @Test
    void aJumpInOfferedLoadRestartsTheRoundAndViolationsSendBetaDownFirst() {
        OnlineTuner t = new OnlineTuner(DreamSettings.read("dream", START, Map.of(DreamSettings.BETA, "0.5")),
                true);
        run(t, 0, 5, 1.0, x -> 1.0, 0); // nothing helps: round ends, values restored
        assertTrue(t.converged());
        assertEquals(0.5, t.value(OnlineTuner.BETA), 1e-12);
        run(t, 5, 1, 1.2, x -> 1.0, 0); // +20%: below the 30% threshold
        assertTrue(t.converged());
        assertEquals(0, t.restarts());
        // load doubles and half the frames now miss unless beta drops
        run(t, 6, 1, 2.4, x -> 1.0, x -> 50);
        assertEquals(1, t.restarts());
        assertTrue(t.windows().get(6).restart());
        assertFalse(t.converged());
        assertEquals(0.25, t.value(OnlineTuner.BETA), 1e-12, "violations: beta tried downwards first");
    }

    @Test
    void aChangeDuringATrialUndoesItAndTakesTheNextWindowAsBaseline() {
        OnlineTuner t = new OnlineTuner(DEFAULTS, true);
        run(t, 0, 1, 1.0, x -> 1.0, 0);
        assertEquals(0.25, t.value(OnlineTuner.BETA), 1e-12, "trial pending");
        run(t, 1, 1, 2.0, x -> 1.0, 0); // load doubles during the trial
        assertEquals(1, t.restarts());
        assertEquals(0.0, t.value(OnlineTuner.BETA), 1e-12, "the unjudged trial is undone, nothing new tried yet");
        run(t, 2, 1, 2.0, x -> 1.0, 0); // the baseline of the new round
        assertEquals(0.25, t.value(OnlineTuner.BETA), 1e-12, "then the round's first trial");
    }

    @Test
    void withoutAdaptationTheParametersNeverMoveButWindowsAreMeasured() {
        OnlineTuner t = new OnlineTuner(DEFAULTS, false);
        run(t, 0, 3, 1.0, x -> 2.0, 10);
        run(t, 3, 3, 5.0, x -> 2.0, 10);
        assertEquals(1.0, t.value(OnlineTuner.ALPHA));
        assertEquals(0.0, t.value(OnlineTuner.BETA));
        assertEquals(0.0, t.value(OnlineTuner.TOLERANCE));
        assertEquals(6, t.windows().size());
        assertEquals(2.0 * 0.1, t.windows().get(0).uxcost(), 1e-12);
        assertFalse(t.windows().get(5).converged());
    }

    @Test
    void aWindowInWhichNothingEndedHasNoCostAndDoesNotStep() {
        OnlineTuner t = new OnlineTuner(DEFAULTS, true);
        run(t, 0, 1, 1.0, x -> 1.0, 0);
        double beta = t.value(OnlineTuner.BETA);
        t.closeWindow(1, new WindowAccount(), 1.0);
        assertTrue(Double.isNaN(t.windows().get(1).uxcost()));
        assertEquals(beta, t.value(OnlineTuner.BETA), "the trial stays in place for the next window");
    }

    private static void run(OnlineTuner t, int first, int n, double load, ToDoubleFunction<OnlineTuner> ratio,
                            ToDoubleFunction<OnlineTuner> violations) {
        for (int i = first; i < first + n; i++) {
            t.closeWindow(i, window(ratio.applyAsDouble(t), 100, (int) violations.applyAsDouble(t)), load);
        }
    }
}
