/**
 * API-only test kit for plugin authors: what needs nothing beyond rtmm-api. Extend
 * {@link org.rtmmlab.testkit.AcceleratorModelContract} in a cost model's tests and supply the model and the
 * accelerators it prices; unit-test a scheduler's rule on hand-built views ({@link org.rtmmlab.testkit.HandView},
 * {@link org.rtmmlab.testkit.HandDecisions}); check any recorded run ({@link org.rtmmlab.testkit.RunRecorder}) with
 * {@link org.rtmmlab.testkit.RecordInvariants}. The scheduler contract, which runs the real engine, is in
 * rtmm-testkit-engine ({@code org.rtmmlab.testkit.engine.SchedulerPolicyContract}).
 */
@Export
@Version("2.0.0")
package org.rtmmlab.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
