package org.rtmmlab.shell;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginCatalog;

/** Gogo commands of the lab container: {@code rtmm:list}. */
@Component(service = RtmmCommands.class, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=list"
})
public class RtmmCommands {

    @Reference
    PluginCatalog catalog;

    /**
     * Lists every plugin found, by kind, with id, bundle and version.
     *
     * @param all also list the scenarios and platforms the plugins ship
     */
    @Descriptor("list the plugins found (schedulers, accelerator models, scenario providers, reporters)")
    public void list(@Descriptor("also list scenarios and platforms") @Parameter(names = {"-a", "--all"},
            presentValue = "true", absentValue = "false") boolean all) {
        for (String line : CatalogListing.lines(catalog, all)) {
            System.out.println(line);
        }
    }
}
