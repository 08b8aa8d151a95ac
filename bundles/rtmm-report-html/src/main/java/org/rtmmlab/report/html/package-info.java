/**
 * Reporter {@code html}: a self-contained {@code report.html} per run and {@code compare.html} per comparison, with
 * charts drawn as inline SVG by a small SVG layer of this package ({@link org.rtmmlab.report.html.Svg} and the chart
 * classes). Nothing here is exported: the reporter is found as a service.
 *
 * <p>Why its own SVG layer and not a charting library: the pages must open offline with no scripts, fonts or network
 * requests, equal inputs must give byte-identical files, and the bundle must need no JavaScript engine in the JVM, no
 * AWT and nothing beyond {@code rtmm-api} in OSGi. JavaScript libraries (Chart.js, Vega-Lite, Plotly, ECharts) would
 * have to be loaded from a CDN or inlined into every file, or run in a JS engine at write time; Java libraries
 * (JFreeChart with JFreeSVG, XChart) render through Java2D with machine-dependent font metrics. The bundle's
 * README.md says more.
 */
@Version("1.0.0")
package org.rtmmlab.report.html;

import org.osgi.annotation.versioning.Version;
