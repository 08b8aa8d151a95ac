/**
 * Contract tests for plugin authors: abstract JUnit 5 classes that check a plugin against the lab's rules.
 * Extend {@link org.rtmmlab.testkit.AcceleratorModelContract} in a cost model's tests and supply the model and the
 * accelerators it prices.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
