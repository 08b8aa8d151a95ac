/**
 * The XRBench usage scenarios and probability sweeps (XRBench-MLSys2023, MIT licence) as a
 * {@link org.rtmmlab.api.workload.ScenarioProvider}. Implementation package: nothing is exported.
 */
package org.rtmmlab.workload.xrbench;
