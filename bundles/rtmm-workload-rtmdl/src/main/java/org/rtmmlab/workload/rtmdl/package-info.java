/**
 * RT-mDL workloads (Ling et al., SenSys 2021): mixed periodic task sets with CPU pre-/post-processing stages as a
 * {@link org.rtmmlab.api.workload.ScenarioProvider}, the host CPU cost model {@code cpu} and CPU+GPU platforms.
 * Implementation package: nothing is exported.
 */
package org.rtmmlab.workload.rtmdl;
