package org.rtmmlab.scheduler.rtmdl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * The rtmdl scheduler's properties.
 *
 * @param strategy    the execution strategy (variant, priority, util per task)
 * @param theta       the GPU's maximum spatial utilisation: two tasks pack only if util_i + util_i' &lt; theta
 * @param defaultUtil GPU utilisation of a task the strategy gives none (a guess; see the README)
 * @param packing     false: one GPU stream only (ablation "without packing")
 * @param split       false: a job holds the platform from its first to its last stage, one job at a time (ablation
 *                    "without the CPU/GPU split")
 * @param dropLate    drop a waiting job whose deadline has passed (our choice, not from the paper: a started job is
 *                    never dropped by the engine, so without this an overloaded run piles up late frames)
 */
record RtmdlSettings(Strategy strategy, double theta, double defaultUtil, boolean packing, boolean split,
                     boolean dropLate) {

    static final String STRATEGY = "strategy";
    static final String THETA = "theta";
    static final String UTIL = "util";
    static final String PACKING = "packing";
    static final String SPLIT = "split";
    static final String DROP_LATE = "dropLate";
    /** The {@code strategy} value meaning "no file". */
    static final String NO_STRATEGY = "none";

    static final List<PropertySpec> SPECS = List.of(
            PropertySpec.text(STRATEGY, NO_STRATEGY, "strategy JSON file (variant, priority, util per task), or none:"
                    + " full models, scenario priorities"),
            PropertySpec.number(THETA, 1.0, 0, 2, "GPU maximum spatial utilisation: pack i' with i only if util_i +"
                    + " util_i' < theta"),
            PropertySpec.number(UTIL, 0.4, 0.01, 1, "GPU utilisation of a task the strategy gives none (guess)"),
            PropertySpec.bool(PACKING, true, "pack a second GPU stream (false: one stream, ablation)"),
            PropertySpec.bool(SPLIT, true, "schedule CPU and GPU sub-tasks independently (false: one job at a time,"
                    + " ablation)"),
            PropertySpec.bool(DROP_LATE, true, "drop a waiting job whose deadline has passed (our choice)"));

    /** @return the declarations without the keys an ablation fixes */
    static List<PropertySpec> specs(Map<String, String> fixed) {
        return SPECS.stream().filter(s -> !fixed.containsKey(s.key())).toList();
    }

    /**
     * @param policy   the policy id (for messages)
     * @param fixed    values an ablation fixes (not declared, so a run cannot set them)
     * @return settings from {@code defaults} overridden by {@code run}; reads the strategy file
     */
    static RtmdlSettings read(String policy, Map<String, String> fixed, Map<String, String> defaults,
                              Map<String, String> run) {
        Map<String, String> values = new java.util.TreeMap<>(PropertyReader.of(policy, specs(fixed), defaults, run)
                .values());
        values.putAll(fixed);
        PropertyReader p = PropertyReader.of(policy, SPECS, values);
        String file = p.text(STRATEGY);
        Strategy s = NO_STRATEGY.equals(file) ? Strategy.NONE : Strategy.read(Path.of(file));
        return new RtmdlSettings(s, p.number(THETA), p.number(UTIL), p.bool(PACKING), p.bool(SPLIT),
                p.bool(DROP_LATE));
    }
}
