/**
 * Engine-backed test kit for scheduler authors: extend {@link org.rtmmlab.testkit.engine.SchedulerPolicyContract}
 * in a scheduler's tests and supply the policy; it runs the policy through the real engine (rtmm-engine, an ordinary
 * compile dependency of this kit) on small hand-built scenarios and on XRBench, and checks the record stream with
 * {@link org.rtmmlab.testkit.RecordInvariants} of the API-only kit. {@link org.rtmmlab.testkit.engine.RecordedTwinRun}
 * (since 1.2) and {@link org.rtmmlab.testkit.engine.TwinRun} check that two schedulers of one policy decide alike.
 */
@Export
@Version("1.2.0")
package org.rtmmlab.testkit.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
