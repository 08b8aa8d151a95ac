/**
 * Hardware vocabulary: accelerators, platforms, per-layer costs and the
 * {@link org.rtmmlab.api.platform.AcceleratorModel} (cost model) plugin kind.
 *
 * <p>1.1: {@code AcceleratorModel.check(Accelerator)} (default method) validates an accelerator before pricing.
 */
@Export
@Version("1.1.0")
package org.rtmmlab.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
