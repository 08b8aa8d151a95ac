/**
 * Reporters {@code json} ({@code summary.json}) and {@code csv} ({@code requests.csv}, {@code blocks.csv}), and
 * {@link org.rtmmlab.report.json.SummaryJson}, the one definition of the summary document, exported so that the
 * command line prints the same JSON with {@code --json}.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.report.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
