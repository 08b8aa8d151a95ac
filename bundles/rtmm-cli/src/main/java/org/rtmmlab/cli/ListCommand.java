package org.rtmmlab.cli;

import java.util.concurrent.Callable;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rtmm list}: every plugin found on the classpath, by kind, with id, bundle and version. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the plugins found (schedulers, accelerator models, scenario providers, reporters).")
public class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PluginOptions pluginOptions;

    @Option(names = {"-a", "--all"}, description = "also list every scenario and platform")
    boolean all;

    @Override
    public Integer call() {
        PluginCatalog catalog = pluginOptions.catalog(w -> spec.commandLine().getErr().println("warning: " + w));
        for (String line : CatalogListing.lines(catalog, all)) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }
}
