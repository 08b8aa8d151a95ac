/**
 * RT-mDL's run-time scheduler (Ling et al., SenSys 2021) as a {@link org.rtmmlab.api.scheduler.SchedulerPolicy}:
 * CPU and GPU sub-task priority queues and priority-guided packing of two GPU streams. Implementation package:
 * nothing is exported.
 */
package org.rtmmlab.scheduler.rtmdl;
