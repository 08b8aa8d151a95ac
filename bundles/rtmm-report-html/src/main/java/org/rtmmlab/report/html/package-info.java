/**
 * Reporter {@code html}: a self-contained {@code report.html} per run and {@code compare.html} per comparison, with
 * charts drawn as inline SVG by a small SVG layer of this package ({@link org.rtmmlab.report.html.Svg} and the chart
 * classes). Nothing here is exported: the reporter is found as a service.
 */
@Version("1.0.0")
package org.rtmmlab.report.html;

import org.osgi.annotation.versioning.Version;
