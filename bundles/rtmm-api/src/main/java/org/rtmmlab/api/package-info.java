/**
 * Common types of the RTMM Lab plugin API: the plugin base interface and the input error type.
 * Sub-packages hold the workload, platform, scheduler and run/report vocabulary.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
