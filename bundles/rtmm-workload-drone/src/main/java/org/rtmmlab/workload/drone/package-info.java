/**
 * The drone workload as a {@link org.rtmmlab.api.workload.ScenarioProvider} ({@code drone/patrol}).
 * Implementation package: nothing is exported.
 */
package org.rtmmlab.workload.drone;
