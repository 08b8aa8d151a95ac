package org.rtmmlab.api.run;

import org.rtmmlab.api.Checks;

/**
 * A run of a comparison that failed (its scheduler threw, hung past its time budget, or made an invalid decision),
 * so that front ends and reporters can show it beside the runs that finished instead of losing the comparison.
 *
 * @param config the run's configuration
 * @param reason why it failed, one line (names the plugin and the time where known)
 * @since 1.4
 */
public record RunFailure(RunConfig config, String reason) {

    /** Validates; a missing reason becomes empty. */
    public RunFailure {
        Checks.present(config, "config");
        reason = reason == null ? "" : reason;
    }
}
