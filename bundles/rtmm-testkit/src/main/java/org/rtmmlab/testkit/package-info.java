/**
 * Contract tests for plugin authors: abstract JUnit 5 classes that check a plugin against the lab's rules.
 * Extend {@link org.rtmmlab.testkit.AcceleratorModelContract} in a cost model's tests and supply the model and the
 * accelerators it prices; extend {@link org.rtmmlab.testkit.SchedulerPolicyContract} in a scheduler's tests and
 * supply the policy: it runs the policy through the real engine on small hand-built scenarios and on XRBench, and
 * checks the record stream with {@link org.rtmmlab.testkit.RecordInvariants}.
 */
@Export
@Version("1.1.0")
package org.rtmmlab.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
