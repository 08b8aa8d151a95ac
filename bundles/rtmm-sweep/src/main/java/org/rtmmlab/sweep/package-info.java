/**
 * Parameter sweeps: a sweep file ({@link org.rtmmlab.sweep.SweepSpecReader}) expands into points
 * ({@link org.rtmmlab.sweep.SweepPlan}), which a coordinator ({@link org.rtmmlab.sweep.SweepRunner}) runs as tasks on
 * Hazelcast members, writing each point's files atomically ({@link org.rtmmlab.sweep.ResultStore}) and the sweep's
 * CSV, summary and charts at the end ({@link org.rtmmlab.sweep.SweepReport}).
 */
@Export
@Version("0.1.0")
package org.rtmmlab.sweep;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
