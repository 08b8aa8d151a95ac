/**
 * Workload vocabulary: layers, models and their variants, tasks, scenarios with run-time events, and the
 * {@link org.rtmmlab.api.workload.ScenarioProvider} plugin kind.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.api.workload;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
