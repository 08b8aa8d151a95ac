package org.rtmmlab.scheduler.dream;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

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

    /** Every property with its built-in default, range and meaning, in the order of the README's table. */
    static final List<PropertySpec> SPECS = List.of(
            PropertySpec.integer(BLOCK_LAYERS, DEFAULTS.blockLayers, 1, Integer.MAX_VALUE,
                    "layers per dispatched block; a new decision after each"),
            PropertySpec.number(ALPHA, DEFAULTS.alpha, 0, ALPHA_MAX,
                    "MapScore fairness weight; start value of the tuner"),
            PropertySpec.number(BETA, DEFAULTS.beta, 0, BETA_MAX,
                    "energy-preference weight; start value of the tuner"),
            PropertySpec.number(DROP_TOLERANCE, DEFAULTS.dropTolerance, TOLERANCE_MIN, TOLERANCE_MAX,
                    "drop a waiting frame when now + remaining latency on the best accelerator > deadline + this x"
                    + " relative deadline; start value of the tuner"),
            PropertySpec.bool(DROP, DEFAULTS.drop, "admission-control drops on or off"),
            PropertySpec.number(MOVE_PENALTY, DEFAULTS.movePenalty, 0, 1000,
                    "score penalty for moving a started job to another accelerator"),
            PropertySpec.number(LATE_PENALTY, DEFAULTS.latePenalty, 0, 1000, "score penalty for an accelerator on"
                    + " which a job that can still meet its deadline would miss it"),
            PropertySpec.integer(TUNER_WINDOW, DEFAULTS.tunerWindowNs, 0,
                    "tuner window, ns; 0 = the engine's window, 1 s when it is off"),
            PropertySpec.integer(TUNER_MAX_STEPS, DEFAULTS.tunerMaxSteps, 2, 1000,
                    "windows per tuning round after a (re)start"),
            PropertySpec.integer(TUNER_HALVINGS, DEFAULTS.tunerHalvings, 0, 30,
                    "a round also ends when every step was halved this often"),
            PropertySpec.number(ALPHA_STEP, DEFAULTS.alphaStep, 0, ALPHA_MAX, "first tuning step of alpha"),
            PropertySpec.number(BETA_STEP, DEFAULTS.betaStep, 0, BETA_MAX, "first tuning step of beta"),
            PropertySpec.number(TOLERANCE_STEP, DEFAULTS.toleranceStep, 0, TOLERANCE_MAX - TOLERANCE_MIN,
                    "first tuning step of dropTolerance"),
            PropertySpec.number(CHANGE_THRESHOLD, DEFAULTS.changeThreshold, 0, 1000,
                    "relative jump of the offered load per window that restarts the tuner"),
            PropertySpec.number(UXCOST_FLOOR, DEFAULTS.uxcostFloor, 0, 1,
                    "floor on the violation rate in the tuner's window UXCost"),
            PropertySpec.number(ACCEPT_MARGIN, DEFAULTS.acceptMargin, 0, 0.99,
                    "a tuning step is kept only if its window is cheaper by more than this fraction"),
            PropertySpec.number(LOAD_HIGH, DEFAULTS.loadHigh, 0, 1e6, "load at the current variant level above which"
                    + " the supernet steps to a smaller variant (recent released work per accelerator-second)"),
            PropertySpec.number(LOAD_LOW, DEFAULTS.loadLow, 0, 1e6,
                    "load the next larger level would have below which it steps back up; < " + LOAD_HIGH),
            PropertySpec.integer(LOAD_TAU, DEFAULTS.loadTauNs, 1, "time constant of the load signal's decay, ns"),
            PropertySpec.integer(DWELL, DEFAULTS.dwellNs, 0, "least time between two variant-level changes, ns"));

    /**
     * @param policy   policy id, named in errors
     * @param defaults the policy's defaults (ConfigAdmin)
     * @param run      the run's properties (win)
     * @return the settings @throws InvalidInputException naming the policy and key on a bad value
     */
    static DreamSettings read(String policy, Map<String, String> defaults, Map<String, String> run) {
        PropertyReader p = PropertyReader.of(policy, SPECS, defaults, run);
        double high = p.number(LOAD_HIGH);
        double low = p.number(LOAD_LOW);
        if (!(low < high)) {
            throw new InvalidInputException(policy, LOAD_LOW, "must be < " + LOAD_HIGH + " (" + high + "), got "
                    + low);
        }
        return new DreamSettings(p.intValue(BLOCK_LAYERS), p.number(ALPHA), p.number(BETA), p.number(DROP_TOLERANCE),
                p.bool(DROP), p.number(MOVE_PENALTY), p.number(LATE_PENALTY), p.integer(TUNER_WINDOW),
                p.intValue(TUNER_MAX_STEPS), p.intValue(TUNER_HALVINGS), p.number(ALPHA_STEP), p.number(BETA_STEP),
                p.number(TOLERANCE_STEP), p.number(CHANGE_THRESHOLD), p.number(UXCOST_FLOOR),
                p.number(ACCEPT_MARGIN), high, low, p.integer(LOAD_TAU), p.integer(DWELL));
    }
}
