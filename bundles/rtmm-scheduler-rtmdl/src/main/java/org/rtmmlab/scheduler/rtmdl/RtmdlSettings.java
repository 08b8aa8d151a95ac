package org.rtmmlab.scheduler.rtmdl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * The rtmdl scheduler's properties. Each declaration ({@link PropertySpec}) is a constant; its key is read back with
 * {@code spec.key()}, so key, default, range and help live in one place.
 *
 * @param strategy    the execution strategy (variant, priority, util per task)
 * @param theta       the GPU's maximum spatial utilisation: two tasks pack only if util_i + util_i' &lt; theta
 * @param defaultUtil GPU utilisation of a task the strategy gives none (a guess; see the README)
 * @param packing     false: one GPU stream only (ablation "without packing")
 * @param split       false: a job holds the platform from its first to its last stage, one job at a time (ablation
 *                    "without the CPU/GPU split")
 * @param scaling     false: every task runs its full model whatever variant the strategy names (ablation "without
 *                    scaling"; priorities and utilisation still come from the strategy)
 * @param dropLate    drop a waiting job whose deadline has passed (our choice, not from the paper: a started job is
 *                    never dropped by the engine, so without this an overloaded run piles up late frames)
 */
record RtmdlSettings(Strategy strategy, double theta, double defaultUtil, boolean packing, boolean split,
                     boolean scaling, boolean dropLate) {

    /** The {@code strategy} value meaning "no file". */
    static final String NO_STRATEGY = "none";

    static final PropertySpec STRATEGY = PropertySpec.text("strategy", NO_STRATEGY, "strategy JSON file (variant,"
            + " priority, util per task), or none: full models, scenario priorities");
    static final PropertySpec THETA = PropertySpec.number("theta", 1.0, 0, 2, "GPU maximum spatial utilisation: pack"
            + " i' with i only if util_i + util_i' < theta");
    static final PropertySpec UTIL = PropertySpec.number("util", 0.4, 0.01, 1, "GPU utilisation of a task the"
            + " strategy gives none (guess)");
    static final PropertySpec PACKING = PropertySpec.bool("packing", true, "pack a second GPU stream (false: one"
            + " stream, ablation)");
    static final PropertySpec SPLIT = PropertySpec.bool("split", true, "schedule CPU and GPU sub-tasks independently"
            + " (false: one job at a time, ablation)");
    static final PropertySpec SCALING = PropertySpec.bool("scaling", true, "run the strategy's variants (false: full"
            + " models with the strategy's priorities, ablation)");
    static final PropertySpec DROP_LATE = PropertySpec.bool("dropLate", true, "drop a waiting job whose deadline has"
            + " passed (our choice)");

    static final List<PropertySpec> SPECS = List.of(STRATEGY, THETA, UTIL, PACKING, SPLIT, SCALING, DROP_LATE);

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
        Map<String, String> values = new TreeMap<>(PropertyReader.of(policy, specs(fixed), defaults, run).values());
        values.putAll(fixed);
        PropertyReader p = PropertyReader.of(policy, SPECS, values);
        String file = p.text(STRATEGY.key());
        Strategy s = NO_STRATEGY.equals(file) ? Strategy.NONE : Strategy.read(Path.of(file));
        return new RtmdlSettings(s, p.number(THETA.key()), p.number(UTIL.key()), p.bool(PACKING.key()),
                p.bool(SPLIT.key()), p.bool(SCALING.key()), p.bool(DROP_LATE.key()));
    }
}
