package org.rtmmlab.shell.options;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine.Option;

/**
 * What a comparison runs, as a picocli mixin: {@code --scenarios}, {@code --platforms}, {@code --schedulers}
 * (comma-separated ids) and {@code --baseline}; the defaults are the classic XRBench comparison. Shared by
 * {@code ./rtmm compare} and the container's {@code rtmm:compare}.
 */
public class CompareSelection {

    /** The XRBench usage scenarios (the probability sweeps are left out of the default). */
    public static final List<String> DEFAULT_SCENARIOS = List.of("xrbench/AR_Assistant", "xrbench/AR_gaming",
            "xrbench/VR_gaming", "xrbench/outdoor_activity_A", "xrbench/outdoor_activity_B",
            "xrbench/social_interactionA", "xrbench/social_interactionB");
    /** One single, one dual heterogeneous and one quad heterogeneous XRBench platform. */
    public static final List<String> DEFAULT_PLATFORMS = List.of("xrbench/Single_4K__WS", "xrbench/Dual_4K__WS_OS",
            "xrbench/Quad_8K__WS_OS_WS_OS");
    /** The greedy XRBench reference and two textbook policies. */
    public static final List<String> DEFAULT_SCHEDULERS = List.of("xrbench-greedy", "fcfs", "edf");

    /** --scenarios. */
    @Option(names = "--scenarios", split = ",", paramLabel = "ID", description = "scenario ids (default: the 7 XRBench usage scenarios)")
    public List<String> scenarios = new ArrayList<>(DEFAULT_SCENARIOS);

    /** --platforms. */
    @Option(names = "--platforms", split = ",", paramLabel = "ID",
            description = "platform ids (default: xrbench/Single_4K__WS, xrbench/Dual_4K__WS_OS, xrbench/Quad_8K__WS_OS_WS_OS)")
    public List<String> platforms = new ArrayList<>(DEFAULT_PLATFORMS);

    /** --schedulers. */
    @Option(names = "--schedulers", split = ",", paramLabel = "ID", description = "scheduler ids (default: xrbench-greedy, fcfs, edf)")
    public List<String> schedulers = new ArrayList<>(DEFAULT_SCHEDULERS);

    /** --baseline, null for the first scheduler. */
    @Option(names = "--baseline", paramLabel = "ID", description = "scheduler the others are compared with (default: the first)")
    public String baseline;

    /**
     * Checks that no list repeats an id and that the baseline is one of the schedulers.
     *
     * @return the baseline scheduler
     * @throws InvalidInputException naming the option
     */
    public String validate() {
        distinct("--scenarios", scenarios);
        distinct("--platforms", platforms);
        distinct("--schedulers", schedulers);
        String base = baseline == null ? schedulers.get(0) : baseline;
        if (!schedulers.contains(base)) {
            throw new InvalidInputException("--baseline", "", "'" + base + "' is not among --schedulers " + schedulers);
        }
        return base;
    }

    /** @throws InvalidInputException if {@code ids} names an id twice */
    public static void distinct(String option, List<String> ids) {
        if (ids.isEmpty()) { // "--schedulers ," splits into nothing (issue 17, found by the fuzz test)
            throw new InvalidInputException(option, "", "names no id; give at least one, comma-separated");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new InvalidInputException(option, "", "'" + id + "' is given more than once in " + ids);
            }
        }
    }
}
