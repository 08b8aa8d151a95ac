/**
 * Location-aware JSON reading for lab input files (scenarios, platforms, bundled data), and the one grammar of
 * durations written as text ({@link org.rtmmlab.json.Durations}).
 */
@Export
@Version("1.5.0")
package org.rtmmlab.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
