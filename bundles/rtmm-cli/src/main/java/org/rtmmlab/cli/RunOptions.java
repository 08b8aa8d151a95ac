package org.rtmmlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine.Option;

/** Options shared by {@code run} and {@code compare}: seed, duration, compatibility mode, properties, reporters. */
public class RunOptions {

    @Option(names = "--seed", paramLabel = "N", description = "root seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "simulated time, e.g. 700ms, 10s (default: the scenario's own, 700 ms for XRBench)")
    Long durationNs;

    @Option(names = "--xrbench-compat",
            description = "reproduce the published XRBench runtime exactly (float32 clock, whole-model dispatch, ...)")
    boolean xrbenchCompat;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "scheduler or engine property, e.g. --set blockLayers=4 (repeatable; compare gives each "
                    + "scheduler the keys it declares)")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "ID", split = ",",
            description = "reporters writing files into the output directory (default: ${DEFAULT-VALUE})",
            defaultValue = "json,csv,html")
    java.util.List<String> reporters;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "progress on standard error: auto (a bar when standard error is a terminal, plain lines "
                    + "otherwise), bar, lines, "
                    + "none (default: ${DEFAULT-VALUE})")
    String progress;

    /** @return the progress mode of {@code --progress} */
    Progress.Mode progressMode() {
        try {
            return Progress.Mode.valueOf(progress.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--progress", "", "unknown mode '" + progress
                    + "'; known: auto, bar, lines, none");
        }
    }

    /** @return the duration in ns, 0 for the scenario default */
    long duration() {
        return durationNs == null ? 0 : durationNs;
    }

    /** Checks option values that picocli cannot. */
    void validate() {
        progressMode();
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
