package org.rtmmlab.scheduler.dream;

import java.util.ArrayList;
import java.util.List;

/**
 * DREAM's online tuning of its parameters (alpha, beta, dropTolerance), window by window. Evidence: the abstracts
 * ("tunable parameters" adapted by a "gradient descent-like online optimization, which typically converges within
 * five steps"); the procedure is reconstructed:
 * <ol>
 *   <li>each window it measures the window's UXCost, (E / E_ref) x max(floor, V), from what it observed
 *       ({@link WindowAccount});</li>
 *   <li>a <b>round</b> starts at the run's first window and whenever the offered load of a window (released work on
 *       the fastest accelerators per accelerator-second) differs from the previous window's by more than
 *       {@code changeThreshold} (relative): a workload change. The window that showed it is the round's
 *       baseline: its parameters are the best so far, with its cost (when it ran a trial not yet judged, the trial
 *       is undone and the next window is the baseline);</li>
 *   <li>each following window tries one parameter moved by its step in its current direction (finite difference
 *       against the best so far, one coordinate per window, in the order beta, dropTolerance, alpha, repeated). The
 *       first direction of beta and dropTolerance in a round comes from the baseline window's parts: with violations
 *       above the floor both go down first (towards speed and fewer late frames), else beta goes up (towards
 *       energy). A move that would leave a parameter's range goes the other way.
 *       A cheaper window keeps the move and the direction; one that is not cheaper restores the best value,
 *       reverses the direction and halves the step (a sign change);</li>
 *   <li>the round converges after {@code maxSteps} windows (baseline included) or when every step was halved
 *       {@code halvings} times; the best parameters are kept until the next workload change.</li>
 * </ol>
 * With {@code adapt = false} it only measures (the ablations without tuning report the same per-window figures).
 */
final class OnlineTuner {

    static final int ALPHA = 0;
    static final int BETA = 1;
    static final int TOLERANCE = 2;
    /** Names of the tuned parameters, as in the metrics ({@code window.<i>.dream.<name>}). */
    static final String[] NAMES = {"alpha", "beta", "dropTolerance"};
    private static final double[] MIN = {0, 0, DreamSettings.TOLERANCE_MIN};
    private static final double[] MAX = {DreamSettings.ALPHA_MAX, DreamSettings.BETA_MAX,
        DreamSettings.TOLERANCE_MAX};
    /** Order in which a round tries the parameters: the energy/timeliness trade-offs first. */
    private static final int[] ORDER = {BETA, TOLERANCE, ALPHA};

    /** One closed window: the parameters used in it and what the tuner concluded. */
    record Window(int index, double[] values, double uxcost, double offeredLoad, boolean restart,
                  boolean converged) {
    }

    private final boolean adapt;
    private final int maxSteps;
    private final int halvings;
    private final double changeThreshold;
    private final double floor;
    private final double margin;
    private final double[] firstStep;
    private final double[] value = new double[3];
    private final double[] best = new double[3];
    private final double[] step = new double[3];
    private final int[] halved = new int[3];
    private final int[] direction = {1, 1, 1};
    private double bestCost = Double.NaN;
    private int trial = -1;
    private int cursor;
    private int roundWindows;
    private boolean converged;
    private double previousOffered = Double.NaN;
    private int restarts;
    private final List<Window> windows = new ArrayList<>();

    OnlineTuner(DreamSettings s, boolean adapt) {
        this.adapt = adapt;
        this.maxSteps = s.tunerMaxSteps();
        this.halvings = s.tunerHalvings();
        this.changeThreshold = s.changeThreshold();
        this.floor = s.uxcostFloor();
        this.margin = s.acceptMargin();
        this.firstStep = new double[] {s.alphaStep(), s.betaStep(), s.toleranceStep()};
        value[ALPHA] = s.alpha();
        value[BETA] = s.beta();
        value[TOLERANCE] = s.dropTolerance();
    }

    /** @return the current value of parameter {@code p} ({@link #ALPHA}, {@link #BETA}, {@link #TOLERANCE}) */
    double value(int p) {
        return value[p];
    }

    /** @return true if the current round has converged (always false before the first window closed) */
    boolean converged() {
        return converged;
    }

    /** @return the number of rounds started by a detected workload change (the run's first round not counted) */
    int restarts() {
        return restarts;
    }

    /** @return the closed windows, in time order */
    List<Window> windows() {
        return windows;
    }

    /**
     * Closes window {@code index}: measures it, detects a workload change and steps the parameters.
     *
     * @param account     what was observed in the window
     * @param offeredLoad released work per accelerator-second in the window
     */
    void closeWindow(int index, WindowAccount account, double offeredLoad) {
        double cost = account.uxcost(floor);
        boolean violating = account.ended > 0 && (double) (account.late + account.dropped) / account.ended > floor;
        boolean change = false;
        if (windows.isEmpty()) {
            change = true; // the run's first round
        } else if (Math.abs(offeredLoad - previousOffered) > changeThreshold * Math.max(previousOffered, 1e-12)) {
            change = true;
            restarts++;
        }
        previousOffered = offeredLoad;
        double[] used = value.clone();
        if (adapt) {
            step(change, cost, violating);
        }
        windows.add(new Window(index, used, cost, offeredLoad, change && index > 0, adapt && converged));
    }

    private void step(boolean change, double cost, boolean violating) {
        if (change) {
            startRound(cost, violating);
        } else if (converged || Double.isNaN(cost)) {
            return; // converged, or nothing ended in the window: a pending trial stays for the next one
        } else {
            judgeTrial(cost);
        }
        if (Double.isNaN(bestCost)) {
            return; // no baseline yet
        }
        if (roundWindows >= maxSteps || allHalved()) {
            converge();
        } else {
            proposeTrial();
        }
    }

    /**
     * Starts a round; the window's parts of UXCost give the first direction of the trade-off parameters: with
     * violations above the floor, beta (energy preference) and dropTolerance go down first (towards timeliness and
     * earlier drops), else beta goes up first (towards energy); alpha keeps its last direction.
     */
    private void startRound(double cost, boolean violating) {
        direction[BETA] = violating ? -1 : 1;
        direction[TOLERANCE] = violating ? -1 : direction[TOLERANCE];
        cursor = 0;
        boolean pending = trial >= 0 && !converged;
        if (pending) { // an unjudged trial is not adopted: undo it and measure a baseline in the next window
            value[trial] = best[trial];
        }
        System.arraycopy(value, 0, best, 0, 3);
        bestCost = pending ? Double.NaN : cost;
        System.arraycopy(firstStep, 0, step, 0, 3);
        java.util.Arrays.fill(halved, 0);
        trial = -1;
        roundWindows = 1;
        converged = false;
    }

    private void judgeTrial(double cost) {
        roundWindows++;
        if (Double.isNaN(bestCost)) { // the round's first measurable window is its baseline
            System.arraycopy(value, 0, best, 0, 3);
            bestCost = cost;
            return;
        }
        if (trial < 0) {
            return;
        }
        if (cost < bestCost * (1 - margin)) {
            best[trial] = value[trial];
            bestCost = cost;
        } else {
            value[trial] = best[trial];
            direction[trial] = -direction[trial];
            step[trial] /= 2;
            halved[trial]++;
        }
        trial = -1;
    }

    private boolean allHalved() {
        for (int p = 0; p < 3; p++) {
            if (halved[p] < halvings && step[p] > 0) {
                return false;
            }
        }
        return true;
    }

    private void converge() {
        System.arraycopy(best, 0, value, 0, 3);
        trial = -1;
        converged = true;
    }

    /** Moves the next coordinate that can move by its step in its direction (reversing at a bound). */
    private void proposeTrial() {
        for (int tries = 0; tries < 3; tries++) {
            int p = ORDER[cursor];
            cursor = (cursor + 1) % ORDER.length;
            if (step[p] <= 0 || halved[p] >= halvings) {
                continue;
            }
            for (int flip = 0; flip < 2; flip++) {
                double v = Math.max(MIN[p], Math.min(MAX[p], best[p] + direction[p] * step[p]));
                if (v != best[p]) {
                    value[p] = v;
                    trial = p;
                    return;
                }
                direction[p] = -direction[p];
            }
        }
    }
}
