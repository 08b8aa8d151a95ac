/**
 * Reporter {@code trace}: the run as Chrome Trace Event JSON ({@code trace.json}) for Perfetto and
 * chrome://tracing, streamed while the run goes. Nothing here is exported: the reporter is found as a service.
 */
@Version("1.0.0")
package org.rtmmlab.report.trace;

import org.osgi.annotation.versioning.Version;
