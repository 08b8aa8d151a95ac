/**
 * Summary statistics the lab's comparisons share (the command line's tables and the HTML comparison page): the mean
 * over seeds with its Student t confidence interval ({@link org.rtmmlab.engine.stats.MeanInterval}) and the geometric
 * mean ({@link org.rtmmlab.engine.stats.GeometricMean}).
 */
@Export
@Version("1.0.0")
package org.rtmmlab.engine.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
