/**
 * Command-line options shared by the container's Gogo commands ({@code rtmm:run}, {@code rtmm:compare}) and the
 * plain command line ({@code ./rtmm run}, {@code ./rtmm compare}): picocli option classes and converters, so both
 * parse {@code --seed}, {@code --duration}, {@code --set}, {@code --report} and {@code --pace} the same way and
 * report a bad value with the same one-line message.
 */
@Export
@Version("1.0.0")
package org.rtmmlab.shell.options;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
