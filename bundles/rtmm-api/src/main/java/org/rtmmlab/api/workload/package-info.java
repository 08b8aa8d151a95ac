/**
 * Workload vocabulary: layers, models and their variants, tasks, scenarios with run-time events, and the
 * {@link org.rtmmlab.api.workload.ScenarioProvider} plugin kind.
 *
 * <p>1.1: {@code OpType.HOST} (a CPU pre-/post-processing stage) and {@code Layer.host(name, micros)}.
 */
@Export
@Version("1.1.0")
package org.rtmmlab.api.workload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
