/** Location-aware JSON reading for lab input files (scenarios, platforms, bundled data). */
@Export
@Version("1.2.0")
package org.rtmmlab.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
