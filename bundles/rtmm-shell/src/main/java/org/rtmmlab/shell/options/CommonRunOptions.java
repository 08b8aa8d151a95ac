package org.rtmmlab.shell.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine.Option;

/**
 * The run options every evaluation command takes, as a picocli mixin: {@code --seed}, {@code --duration},
 * {@code -c/--xrbench-compat}, {@code -s/--set key=value[,key=value...]} (repeatable) and {@code --report}. Used by
 * the container's {@code rtmm:run}/{@code rtmm:compare} and, extended with {@code --progress}, by the command line.
 */
public class CommonRunOptions {

    /** --seed, default 1. */
    @Option(names = "--seed", paramLabel = "N", description = "root seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
    public long seed;

    /** --duration in ns, null for the scenario's default. */
    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "simulated time, e.g. 700ms, 10s (default: the scenario's own, 700 ms for XRBench)")
    public Long durationNs;

    /** -c / --xrbench-compat. */
    @Option(names = {"-c", "--xrbench-compat"},
            description = "reproduce the published XRBench runtime exactly (float32 clock, whole-model dispatch, ...)")
    public boolean xrbenchCompat;

    /** -s / --set, in the order given. */
    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", split = ",",
            description = "scheduler or engine property, e.g. --set blockLayers=4 or -s blockLayers=4,engine.dropRule=none"
                    + " (repeatable; compare gives each scheduler the keys it declares)")
    public Map<String, String> properties = new LinkedHashMap<>();

    /** --report reporter ids. */
    @Option(names = "--report", paramLabel = "ID", split = ",",
            description = "reporters writing files into the output directory (default: ${DEFAULT-VALUE})",
            defaultValue = "json,csv,html")
    public List<String> reporters;

    /** @return the duration in ns, 0 for the scenario default */
    public long duration() {
        return durationNs == null ? 0 : durationNs;
    }

    /**
     * Checks option values that picocli cannot.
     *
     * @throws InvalidInputException naming the option
     */
    public void validate() {
        if (reporters.isEmpty()) { // "--report ," splits into nothing: a run without files is not what was meant
            throw new InvalidInputException("--report", "", "names no reporter; give at least one id, e.g. json or "
                    + "json,csv,html");
        }
        for (String id : reporters) {
            if (id.isBlank()) {
                throw new InvalidInputException("--report", "", "empty reporter id in " + reporters);
            }
        }
        for (String key : properties.keySet()) {
            if (key.isBlank()) {
                throw new InvalidInputException("--set", "", "property name must not be empty");
            }
        }
    }
}
