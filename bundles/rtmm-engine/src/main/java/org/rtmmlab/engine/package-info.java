/**
 * The evaluation service: {@link org.rtmmlab.engine.Evaluator} runs one configuration (scenario x platform x
 * scheduler) through the discrete-event simulator and its reporters and returns the
 * {@link org.rtmmlab.api.run.RunResult}. Used by the shell, the command line and the web front end.
 */
@Export
@Version("1.3.0")
package org.rtmmlab.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
