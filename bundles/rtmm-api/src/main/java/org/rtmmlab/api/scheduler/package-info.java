/**
 * Scheduler SPI: a {@link org.rtmmlab.api.scheduler.SchedulerPolicy} plugin creates one stateful
 * {@link org.rtmmlab.api.scheduler.Scheduler} per run; at each decision point the engine hands it a read-only,
 * index-based {@link org.rtmmlab.api.scheduler.SchedulerView} and a {@link org.rtmmlab.api.scheduler.Decisions}
 * sink, and validates every decision.
 */
@Export
@Version("1.3.0")
package org.rtmmlab.api.scheduler;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
