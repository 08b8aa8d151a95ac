/**
 * RT-mDL's offline execution-strategy optimiser (issue 13): per task a model variant and a priority, minimising the
 * summed relative accuracy loss subject to per-task miss-rate tolerances and a weight-storage bound, with NSGA-II
 * (MOEA Framework) over a random-forest miss-rate proxy (Tribuo) trained on simulated runs of the {@code rtmdl}
 * scheduler. A plain jar for the command line; not deployed in the container.
 */
package org.rtmmlab.optimizer.rtmdl;
