/**
 * The long-running container's evaluation service: evaluations (single runs and comparisons) as objects with an
 * id and a state, run on a bounded worker pool, watched live, paused, resumed, cancelled, and given another
 * scheduler while they run. The shell ({@code rtmm:*} commands) and the HTTP dashboard are thin faces over
 * {@link org.rtmmlab.evaluation.EvaluationService}.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.evaluation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
