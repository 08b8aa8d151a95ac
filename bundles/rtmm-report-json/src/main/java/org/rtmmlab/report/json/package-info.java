/**
 * Reporters {@code json} ({@code summary.json}) and {@code csv} ({@code requests.csv}, {@code blocks.csv}), and
 * the result documents, exported for the command line: {@link org.rtmmlab.report.json.SummaryJson}, the one
 * definition of the summary document, and {@link org.rtmmlab.report.json.ResultJson}, the run document that
 * {@code --json} prints, built from the same parts.
 */
@Export
@Version("1.2.0")
package org.rtmmlab.report.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
