/**
 * Hardware vocabulary: accelerators, platforms, per-layer costs and the
 * {@link org.rtmmlab.api.platform.AcceleratorModel} (cost model) plugin kind.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
