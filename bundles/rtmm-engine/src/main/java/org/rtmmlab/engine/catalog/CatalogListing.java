package org.rtmmlab.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.ScenarioProvider;

/** Renders a {@link PluginCatalog} as the aligned text of {@code rtmm list} (command line and Gogo shell alike). */
public final class CatalogListing {

    private CatalogListing() {
    }

    /**
     * Adds one line per property of {@code policy}, in declaration order: {@code --set key=default}, type, allowed
     * range or values and help, aligned. A policy that only overrides {@code defaultProperties()} (written before
     * API 1.3) gets {@code --set key=value} lines, sorted by key.
     */
    private static void properties(SchedulerPolicy policy, int indent, List<String> out) {
        String pad = " ".repeat(indent + 4);
        List<PropertySpec> specs;
        Map<String, String> legacy;
        try {
            specs = policy.properties();
            legacy = specs.isEmpty() ? new TreeMap<>(policy.defaultProperties()) : Map.of();
        } catch (RuntimeException e) { // a plugin's bug must not break the listing
            out.add(pad + "(properties unavailable: " + e + ")");
            return;
        }
        int setW = 0;
        int typeW = 0;
        for (PropertySpec p : specs) {
            setW = Math.max(setW, setting(p).length());
            typeW = Math.max(typeW, p.type().label().length() + 1 + p.range().length());
        }
        for (PropertySpec p : specs) {
            out.add(String.format(Locale.ROOT, "%s%-" + setW + "s  %-" + typeW + "s  %s", pad, setting(p),
                    p.type().label() + " " + p.range(), p.help()));
        }
        for (Map.Entry<String, String> e : legacy.entrySet()) {
            out.add(pad + "--set " + e.getKey() + "=" + e.getValue());
        }
    }

    private static String setting(PropertySpec p) {
        return "--set " + p.key() + "=" + p.defaultValue();
    }

    /**
     * @param catalog  the catalog
     * @param detailed also list each scheduler's properties and every scenario and platform the plugins ship
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
                        d.bundle() + " " + d.version(), d.description()
                                + (catalog.shadowed(d) ? "  [shadowed: another plugin with this id is used]" : "")));
                if (detailed && d.plugin() instanceof SchedulerPolicy policy) {
                    properties(policy, idW, out);
                }
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
