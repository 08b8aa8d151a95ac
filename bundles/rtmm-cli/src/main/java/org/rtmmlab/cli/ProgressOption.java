package org.rtmmlab.cli;

import picocli.CommandLine.Option;

/** The {@code --progress MODE} option of every command that shows progress (run, compare, sweep, optimize). */
public class ProgressOption {

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "progress on standard error: auto (a bar when standard error is a terminal, plain lines "
                    + "otherwise), bar, lines, "
                    + "none (default: ${DEFAULT-VALUE})")
    String progress;

    /** @return the progress mode of {@code --progress} */
    Progress.Mode mode() {
        return Progress.Mode.parse(progress);
    }
}
