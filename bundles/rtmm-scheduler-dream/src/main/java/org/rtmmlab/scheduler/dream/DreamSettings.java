package org.rtmmlab.scheduler.dream;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyValues;

/**
 * DREAM's properties, read from the policy's defaults (ConfigAdmin PID {@value #PID}) overridden by the run's
 * properties. Every constant of the scheduler is one of them. Times in nanoseconds.
 *
 * @param blockLayers       layers per dispatched block, &gt;= 1 (the SDRM3 port re-decides after every layer)
 * @param alpha             MapScore fairness weight (SDRM3 port: "fairness weight", default 1.0); tuned online
 * @param beta              energy-preference weight (reconstructed; 0 = the port's score); tuned online
 * @param dropTolerance     admission control: a waiting frame is dropped when now + its remaining latency on the best
 *                          accelerator &gt; deadline + dropTolerance x relative deadline (reconstructed); tuned online
 * @param drop              whether admission-control drops are made at all
 * @param movePenalty       score penalty for running a started job on another accelerator than its last one (the
 *                          cost model's switch cost is not in the cost view; reconstructed)
 * @param latePenalty       score penalty for an accelerator on which a job that can still meet its deadline (on
 *                          its best accelerator) would miss it with all its remaining layers (reconstructed)
 * @param tunerWindowNs     tuner window width, ns; 0 = the engine's window ({@code engine.window}, 1 s when off)
 * @param tunerMaxSteps     windows a tuning round lasts at most after a (re)start, the first measuring the current
 *                          parameters; then the best parameters seen are kept until the next workload change
 * @param tunerHalvings     a round also ends when every parameter's step was halved this many times
 * @param alphaStep         first step of alpha in a round
 * @param betaStep          first step of beta in a round
 * @param toleranceStep     first step of dropTolerance in a round
 * @param changeThreshold   relative jump of the offered load between windows that counts as a workload change
 * @param uxcostFloor       floor on the violation rate in the tuner's window UXCost (so miss-free windows still
 *                          rank by energy)
 * @param acceptMargin      a trial is kept only if its window is cheaper than the best by more than this fraction
 *                          (windows differ in their frames too, so a small gain may be noise)
 * @param loadHigh          supernet: load at the current level above which the level steps down (a smaller
 *                          sub-network); load = recently released work at that level per accelerator-second
 * @param loadLow           supernet: load of the next larger level below which the level steps back up
 *                          (&lt; loadHigh)
 * @param loadTauNs         supernet: time constant of the load signal's exponential decay, ns
 * @param dwellNs           supernet: least time between two level changes, ns (hysteresis in time)
 */
record DreamSettings(int blockLayers, double alpha, double beta, double dropTolerance, boolean drop,
                     double movePenalty, double latePenalty, long tunerWindowNs, int tunerMaxSteps, int tunerHalvings, double alphaStep,
                     double betaStep, double toleranceStep, double changeThreshold, double uxcostFloor,
                     double acceptMargin,
                     double loadHigh, double loadLow, long loadTauNs, long dwellNs) {

    /** ConfigAdmin PID of the defaults (shared by the four DREAM policies). */
    static final String PID = "org.rtmmlab.scheduler.dream";

    static final String BLOCK_LAYERS = "blockLayers";
    static final String ALPHA = "alpha";
    static final String BETA = "beta";
    static final String DROP_TOLERANCE = "dropTolerance";
    static final String DROP = "drop";
    static final String MOVE_PENALTY = "movePenalty";
    static final String LATE_PENALTY = "latePenalty";
    static final String TUNER_WINDOW = "tuner.windowNs";
    static final String TUNER_MAX_STEPS = "tuner.maxSteps";
    static final String TUNER_HALVINGS = "tuner.halvings";
    static final String ALPHA_STEP = "tuner.alphaStep";
    static final String BETA_STEP = "tuner.betaStep";
    static final String TOLERANCE_STEP = "tuner.toleranceStep";
    static final String CHANGE_THRESHOLD = "tuner.changeThreshold";
    static final String UXCOST_FLOOR = "tuner.uxcostFloor";
    static final String ACCEPT_MARGIN = "tuner.acceptMargin";
    static final String LOAD_HIGH = "supernet.loadHigh";
    static final String LOAD_LOW = "supernet.loadLow";
    static final String LOAD_TAU = "supernet.tauNs";
    static final String DWELL = "supernet.dwellNs";

    /** Bounds of the tuned parameters (the tuner never leaves them). */
    static final double ALPHA_MAX = 10;
    static final double BETA_MAX = 4;
    /** 0: a frame is dropped only when it cannot meet its deadline even alone (a negative tolerance would drop frames
     * that still can, and the UXCost objective rewards that: on xrbench/AR_gaming it dropped every frame). */
    static final double TOLERANCE_MIN = 0;
    static final double TOLERANCE_MAX = 1;

    /** Built-in defaults (how they were chosen: README, "Choosing the defaults"). */
    static final DreamSettings DEFAULTS = new DreamSettings(1, 4.0, 0.5, 0.0, true, 0.1, 1.0, 0, 5, 3, 0.5, 0.25, 0.1,
            0.3, 0.01, 0.0, 1.0, 0.8, 100_000_000L, 50_000_000L);

    /** Every key, in the order of the README's table. */
    static final String[] KEYS = {BLOCK_LAYERS, ALPHA, BETA, DROP_TOLERANCE, DROP, MOVE_PENALTY, LATE_PENALTY,
        TUNER_WINDOW,
        TUNER_MAX_STEPS, TUNER_HALVINGS, ALPHA_STEP, BETA_STEP, TOLERANCE_STEP, CHANGE_THRESHOLD, UXCOST_FLOOR,
        ACCEPT_MARGIN, LOAD_HIGH, LOAD_LOW, LOAD_TAU, DWELL};

    /**
     * @param policy   policy id, named in errors
     * @param defaults the policy's defaults (ConfigAdmin)
     * @param run      the run's properties (win)
     * @return the settings @throws InvalidInputException naming the policy and key on a bad value
     */
    static DreamSettings read(String policy, Map<String, String> defaults, Map<String, String> run) {
        Map<String, String> p = new TreeMap<>(defaults);
        p.putAll(run);
        DreamSettings d = DEFAULTS;
        int block = (int) PropertyValues.integer(policy, p, BLOCK_LAYERS, d.blockLayers, 1, Integer.MAX_VALUE);
        double alpha = PropertyValues.number(policy, p, ALPHA, d.alpha, 0, ALPHA_MAX);
        double beta = PropertyValues.number(policy, p, BETA, d.beta, 0, BETA_MAX);
        double tol = PropertyValues.number(policy, p, DROP_TOLERANCE, d.dropTolerance, TOLERANCE_MIN, TOLERANCE_MAX);
        String dropText = p.getOrDefault(DROP, Boolean.toString(d.drop)).trim();
        if (!dropText.equals("true") && !dropText.equals("false")) {
            throw new InvalidInputException(policy, DROP, "must be true or false, got '" + dropText + "'");
        }
        double move = PropertyValues.number(policy, p, MOVE_PENALTY, d.movePenalty, 0, 1000);
        double late = PropertyValues.number(policy, p, LATE_PENALTY, d.latePenalty, 0, 1000);
        long window = PropertyValues.integer(policy, p, TUNER_WINDOW, d.tunerWindowNs, 0, Long.MAX_VALUE);
        int steps = (int) PropertyValues.integer(policy, p, TUNER_MAX_STEPS, d.tunerMaxSteps, 2, 1000);
        int halvings = (int) PropertyValues.integer(policy, p, TUNER_HALVINGS, d.tunerHalvings, 0, 30);
        double alphaStep = PropertyValues.number(policy, p, ALPHA_STEP, d.alphaStep, 0, ALPHA_MAX);
        double betaStep = PropertyValues.number(policy, p, BETA_STEP, d.betaStep, 0, BETA_MAX);
        double tolStep = PropertyValues.number(policy, p, TOLERANCE_STEP, d.toleranceStep, 0,
                TOLERANCE_MAX - TOLERANCE_MIN);
        double change = PropertyValues.number(policy, p, CHANGE_THRESHOLD, d.changeThreshold, 0, 1000);
        double floor = PropertyValues.number(policy, p, UXCOST_FLOOR, d.uxcostFloor, 0, 1);
        double margin = PropertyValues.number(policy, p, ACCEPT_MARGIN, d.acceptMargin, 0, 0.99);
        double high = PropertyValues.number(policy, p, LOAD_HIGH, d.loadHigh, 0, 1e6);
        double low = PropertyValues.number(policy, p, LOAD_LOW, d.loadLow, 0, 1e6);
        if (!(low < high)) {
            throw new InvalidInputException(policy, LOAD_LOW, "must be < " + LOAD_HIGH + " (" + high + "), got "
                    + low);
        }
        long tau = PropertyValues.integer(policy, p, LOAD_TAU, d.loadTauNs, 1, Long.MAX_VALUE);
        long dwell = PropertyValues.integer(policy, p, DWELL, d.dwellNs, 0, Long.MAX_VALUE);
        return new DreamSettings(block, alpha, beta, tol, Boolean.parseBoolean(dropText), move, late, window, steps,
                halvings, alphaStep, betaStep, tolStep, change, floor, margin, high, low, tau, dwell);
    }

    /** @return value and meaning of every key, for {@code defaultProperties()} */
    Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        out.put(BLOCK_LAYERS, blockLayers + " (layers per dispatched block; a new decision after each)");
        out.put(ALPHA, alpha + " (MapScore fairness weight, in [0, " + ALPHA_MAX + "]; start value of the tuner)");
        out.put(BETA, beta + " (energy-preference weight, in [0, " + BETA_MAX + "]; start value of the tuner)");
        out.put(DROP_TOLERANCE, dropTolerance + " (drop a waiting frame when now + remaining latency on the best"
                + " accelerator > deadline + this x relative deadline; in [" + TOLERANCE_MIN + ", " + TOLERANCE_MAX
                + "]; start value of the tuner)");
        out.put(DROP, drop + " (admission-control drops on or off)");
        out.put(MOVE_PENALTY, movePenalty + " (score penalty for moving a started job to another accelerator)");
        out.put(LATE_PENALTY, latePenalty + " (score penalty for an accelerator on which a job that can still meet"
                + " its deadline would miss it)");
        out.put(TUNER_WINDOW, tunerWindowNs + " (tuner window, ns; 0 = the engine's window, 1 s when it is off)");
        out.put(TUNER_MAX_STEPS, tunerMaxSteps + " (windows per tuning round after a (re)start, >= 2)");
        out.put(TUNER_HALVINGS, tunerHalvings + " (a round also ends when every step was halved this often)");
        out.put(ALPHA_STEP, alphaStep + " (first tuning step of alpha)");
        out.put(BETA_STEP, betaStep + " (first tuning step of beta)");
        out.put(TOLERANCE_STEP, toleranceStep + " (first tuning step of dropTolerance)");
        out.put(CHANGE_THRESHOLD, changeThreshold + " (relative jump of the offered load per window that restarts"
                + " the tuner)");
        out.put(UXCOST_FLOOR, uxcostFloor + " (floor on the violation rate in the tuner's window UXCost)");
        out.put(ACCEPT_MARGIN, acceptMargin + " (a tuning step is kept only if its window is cheaper by more than"
                + " this fraction)");
        out.put(LOAD_HIGH, loadHigh + " (load at the current variant level above which the supernet steps to a"
                + " smaller variant; load = recent released work at that level per accelerator-second)");
        out.put(LOAD_LOW, loadLow + " (load the next larger level would have below which it steps back up; < "
                + LOAD_HIGH + ")");
        out.put(LOAD_TAU, loadTauNs + " (time constant of the load signal's decay, ns)");
        out.put(DWELL, dwellNs + " (least time between two variant-level changes, ns)");
        return out;
    }

    /** @return the DS configuration values of DREAM's keys, as strings */
    static Map<String, String> fromConfig(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        for (String key : KEYS) {
            Object v = config == null ? null : config.get(key);
            if (v != null) {
                out.put(key, v.toString());
            }
        }
        return out;
    }
}
