package org.rtmmlab.cli;

import java.io.PrintWriter;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that loads plugins shares ({@code list}, {@code run}, {@code compare}, {@code sweep},
 * {@code bench}, {@code optimize}): picocli's model of the command (for its output streams), the
 * {@code --plugins} option, and the catalog these give, with load problems as {@code warning:} lines on standard
 * error.
 */
abstract class PluginCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions pluginOptions;

    /** @return the bundled plugins plus the {@code --plugins} jars; each load problem is a warning on {@link #err()} */
    DefaultPluginCatalog catalog() {
        PrintWriter err = err();
        return pluginOptions.catalog(w -> err.println("warning: " + w));
    }

    /** @return the command's standard output */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return the command's standard error */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
