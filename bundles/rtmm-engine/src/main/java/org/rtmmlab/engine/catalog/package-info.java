/**
 * The plugin catalog: every scheduler policy, accelerator model, scenario provider and metric reporter the lab
 * can see, found through Declarative Services in OSGi or {@link java.util.ServiceLoader} on a plain classpath.
 */
@Export
@Version("2.0.0")
package org.rtmmlab.engine.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
