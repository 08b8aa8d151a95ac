package org.rtmmlab.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;

/**
 * The plugins a member runs points with, as sorted lines {@code kind id bundle version}: a coordinator compares
 * each member's inventory with its own before sending it points, and refuses a member whose plugins differ (a
 * point must give the same bytes wherever it runs).
 */
public final class PluginInventory {

    private PluginInventory() {
    }

    /** @return the sorted inventory lines of {@code catalog} (every plugin, shadowed ones too) */
    public static List<String> of(PluginCatalog catalog) {
        List<String> lines = new ArrayList<>();
        for (PluginDescriptor d : catalog.plugins()) {
            lines.add(d.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + d.id() + " " + d.bundle() + " "
                    + d.version());
        }
        lines.sort(null);
        return List.copyOf(lines);
    }

    /** @return hex SHA-256 of the inventory lines */
    public static String digest(List<String> inventory) {
        return InputFile.sha256(String.join("\n", inventory).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param member a name for the other side (its address)
     * @param here   the coordinator's inventory
     * @param there  the member's inventory
     * @return null if equal, else one line naming the member and the first plugin that differs
     */
    public static String difference(String member, List<String> here, List<String> there) {
        Map<String, String> h = byPlugin(here);
        Map<String, String> t = byPlugin(there);
        for (Map.Entry<String, String> e : h.entrySet()) {
            String other = t.get(e.getKey());
            if (other == null) {
                return "member " + member + " lacks plugin " + e.getKey() + " (" + e.getValue() + " here)";
            }
            if (!other.equals(e.getValue())) {
                return "member " + member + " has plugin " + e.getKey() + " as " + other + ", here it is "
                        + e.getValue();
            }
        }
        for (Map.Entry<String, String> e : t.entrySet()) {
            if (!h.containsKey(e.getKey())) {
                return "member " + member + " has plugin " + e.getKey() + " (" + e.getValue()
                        + ") that is not installed here";
            }
        }
        return null;
    }

    /** @return "kind id" -> "bundle version" (shadowed duplicates joined) */
    private static Map<String, String> byPlugin(List<String> lines) {
        Map<String, String> m = new TreeMap<>();
        for (String l : lines) {
            String[] p = l.split(" ", 3);
            String key = p[0] + " '" + p[1] + "'";
            String value = p.length > 2 ? p[2] : "";
            m.merge(key, value, (a, b) -> a + ", " + b);
        }
        return m;
    }
}
