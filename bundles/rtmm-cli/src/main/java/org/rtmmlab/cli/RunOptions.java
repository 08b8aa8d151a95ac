package org.rtmmlab.cli;

import org.rtmmlab.shell.options.CommonRunOptions;
import picocli.CommandLine.Mixin;

/**
 * Options shared by {@code run} and {@code compare}: the container's {@link CommonRunOptions} (seed, duration,
 * compatibility mode, properties, reporters) plus {@code --progress}, which only the command line has.
 */
public class RunOptions extends CommonRunOptions {

    @Mixin
    ProgressOption progress = new ProgressOption();

    /** @return the progress mode of {@code --progress} */
    Progress.Mode progressMode() {
        return progress.mode();
    }

    /** Checks option values that picocli cannot. */
    @Override
    public void validate() {
        progressMode();
        super.validate();
    }
}
