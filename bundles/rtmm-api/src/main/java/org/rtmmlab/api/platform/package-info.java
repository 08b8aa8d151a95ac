/**
 * Hardware vocabulary: accelerators, platforms, per-layer costs and the
 * {@link org.rtmmlab.api.platform.AcceleratorModel} (cost model) plugin kind.
 *
 * <p>1.1: {@code AcceleratorModel.check(Accelerator)} (default method) validates an accelerator before pricing.
 * <p>1.2: {@code AcceleratorModel.supportsLayer} (default method: a layer may be unsupported on an accelerator) and
 * {@link org.rtmmlab.api.platform.StreamSharing} (co-run slowdown of two GPU streams sharing an accelerator).
 */
@Export
@Version("1.2.0")
package org.rtmmlab.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
