/**
 * Runs and their results: run configuration, the record stream (blocks and requests), results, and the
 * {@link org.rtmmlab.api.run.MetricReporter} plugin kind.
 */
@Export
@Version("1.5.0")
package org.rtmmlab.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
