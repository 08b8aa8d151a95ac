package org.rtmmlab.api.run;

import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Scenario;

/**
 * What a reporter knows about a run when it starts.
 *
 * @param config     the resolved configuration
 * @param scenario   the loaded scenario
 * @param platform   the loaded platform
 * @param labVersion engine version
 */
public record RunInfo(RunConfig config, Scenario scenario, Platform platform, String labVersion) {
}
