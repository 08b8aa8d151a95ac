package org.rtmmlab.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.ScenarioProvider;

/** Renders a {@link PluginCatalog} as the aligned text of {@code rtmm list} (command line and Gogo shell alike). */
public final class CatalogListing {

    private CatalogListing() {
    }

    /**
     * @param catalog  the catalog
     * @param detailed also list every scenario and platform the plugins ship
     * @return lines: one section per plugin kind with id, bundle, version and description
     */
    public static List<String> lines(PluginCatalog catalog, boolean detailed) {
        List<String> out = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            List<PluginDescriptor> ds = catalog.plugins(kind);
            out.add(kind.label() + "s (" + ds.size() + "):");
            int idW = 2;
            int bW = 6;
            for (PluginDescriptor d : ds) {
                idW = Math.max(idW, d.id().length());
                bW = Math.max(bW, d.bundle().length() + 1 + d.version().length());
            }
            for (PluginDescriptor d : ds) {
                out.add(String.format(Locale.ROOT, "  %-" + idW + "s  %-" + bW + "s  %s", d.id(),
                        d.bundle() + " " + d.version(), d.description()));
            }
        }
        List<ScenarioProvider.Info> scenarios = catalog.scenarios();
        List<Platform> platforms = catalog.platforms();
        if (detailed) {
            out.add("scenarios (" + scenarios.size() + "):");
            for (ScenarioProvider.Info s : scenarios) {
                out.add("  " + s.id() + "  " + s.description());
            }
            out.add("platforms (" + platforms.size() + "):");
            for (Platform p : platforms) {
                out.add("  " + p.id() + "  " + p.description());
            }
        } else {
            out.add(scenarios.size() + " scenarios, " + platforms.size()
                    + " platforms (list them with --all / rtmm:list -a)");
        }
        return out;
    }
}
