/**
 * Helpers for a scheduler's dispatch loop: {@link org.rtmmlab.api.scheduler.dispatch.JobOrder} keeps a run's waiting
 * jobs in the policy's order (deadline, slack, arrival) across decisions, so a decision costs O(log backlog) per job
 * it looks at instead of a scan of the backlog (issue 15); {@link org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice}
 * picks the idle accelerator that runs a block fastest.
 */
@Export
@Version("1.1.0")
package org.rtmmlab.api.scheduler.dispatch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
