package org.rtmmlab.cli;

import java.util.ArrayList;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.json.Durations;
import org.rtmmlab.shell.options.CommonRunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code run} and {@code compare}: the container's {@link CommonRunOptions} (seed, duration,
 * compatibility mode, properties, reporters) plus {@code --progress} and {@code --trace-window}, which only the
 * command line has.
 */
public class RunOptions extends CommonRunOptions {

    @Mixin
    ProgressOption progress = new ProgressOption();

    /** --trace-window FROM..TO: the run property report.trace.window, and the trace reporter on. */
    @Option(names = "--trace-window", paramLabel = "FROM..TO",
            description = "write the trace (reporter trace, added if missing) only for simulated time [FROM, TO), "
                    + "e.g. 10s..20s, ..500ms, 3590s.. (the run property report.trace.window)")
    String traceWindow;

    /** Checks FROM..TO: each side empty or a duration ({@link Durations}, 0 allowed), FROM before TO. */
    private static void checkWindow(String window) {
        String[] sides = window.strip().split("\\.\\.", -1);
        long[] ns = {0, Long.MAX_VALUE};
        if (sides.length != 2 || sides[0].isBlank() && sides[1].isBlank()) {
            throw new InvalidInputException("--trace-window", "", "not a window FROM..TO: '" + window
                    + "'; write e.g. 10s..20s, ..500ms or 3590s..");
        }
        for (int i = 0; i < 2; i++) {
            String side = sides[i].strip();
            if (!side.isEmpty() && !side.matches("0*\\.?0*\\s*[a-zA-Z]*")) {
                try {
                    ns[i] = Durations.parseNs(side);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--trace-window", "", e.getMessage());
                }
            } else if (!side.isEmpty()) {
                ns[i] = 0;
            }
        }
        if (ns[1] <= ns[0]) {
            throw new InvalidInputException("--trace-window", "", "window '" + window + "' is empty: TO must be "
                    + "after FROM");
        }
    }

    /** @return the progress mode of {@code --progress} */
    Progress.Mode progressMode() {
        return progress.mode();
    }

    /** Checks option values that picocli cannot. */
    @Override
    public void validate() {
        progressMode();
        super.validate();
        if (traceWindow != null) { // checked here for a one-line error before any run; the reporter checks it again
            checkWindow(traceWindow);
            properties.put("report.trace.window", traceWindow);
            if (!reporters.contains("trace")) {
                reporters = new ArrayList<>(reporters);
                reporters.add("trace");
            }
        }
    }
}
