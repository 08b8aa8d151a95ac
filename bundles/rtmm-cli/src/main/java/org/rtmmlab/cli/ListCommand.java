package org.rtmmlab.cli;

import java.util.concurrent.Callable;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rtmm list}: every plugin found on the classpath, by kind, with id, bundle and version. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the plugins found (schedulers, accelerator models, scenario providers, reporters).")
public class ListCommand extends PluginCommand implements Callable<Integer> {

    @Option(names = {"-a", "--all"}, description = "also list every scenario and platform")
    boolean all;

    @Override
    public Integer call() {
        PluginCatalog catalog = catalog();
        for (String line : CatalogListing.lines(catalog, all)) {
            out().println(line);
        }
        return 0;
    }
}
