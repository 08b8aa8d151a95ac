/**
 * Helpers for schedulers that select by a key (deadline, slack, arrival): {@link
 * org.rtmmlab.api.scheduler.order.JobOrder} keeps a run's waiting jobs in the policy's order across decisions, so a
 * decision costs O(log backlog) per job it looks at instead of a scan of the backlog (issue 15).
 */
@Export
@Version("1.0.0")
package org.rtmmlab.api.scheduler.order;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
