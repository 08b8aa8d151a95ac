/**
 * Scheduler SPI: a {@link org.rtmmlab.api.scheduler.SchedulerPolicy} plugin creates one stateful
 * {@link org.rtmmlab.api.scheduler.Scheduler} per run; at each decision point the engine hands it a read-only,
 * index-based {@link org.rtmmlab.api.scheduler.SchedulerView} and a {@link org.rtmmlab.api.scheduler.Decisions}
 * sink, and validates every decision.
 *
 * <p>1.4: {@code CostView.supported}, {@code blockSupported} and {@code UNSUPPORTED_LATENCY_NS}: a layer may be
 * unsupported on an accelerator.
 */
@Export
@Version("1.4.0")
package org.rtmmlab.api.scheduler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
