package org.rtmmlab.cli;

import org.rtmmlab.shell.options.CommonRunOptions;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code run} and {@code compare}: the container's {@link CommonRunOptions} (seed, duration,
 * compatibility mode, properties, reporters) plus {@code --progress}, which only the command line has.
 */
public class RunOptions extends CommonRunOptions {

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "progress on standard error: auto (a bar when standard error is a terminal, plain lines "
                    + "otherwise), bar, lines, "
                    + "none (default: ${DEFAULT-VALUE})")
    String progress;

    /** @return the progress mode of {@code --progress} */
    Progress.Mode progressMode() {
        return Progress.Mode.parse(progress);
    }

    /** Checks option values that picocli cannot. */
    @Override
    public void validate() {
        progressMode();
        super.validate();
    }
}
