package org.rtmmlab.engine.catalog;

import org.rtmmlab.api.RtmmPlugin;

/**
 * A plugin found at run time, with where it came from.
 *
 * @param kind        plugin kind
 * @param id          plugin id
 * @param description one line
 * @param bundle      bundle symbolic name (OSGi) or jar name (classpath)
 * @param version     bundle version (OSGi) or jar manifest version (classpath)
 * @param plugin      the instance
 * @param ranking     the service's {@code service.ranking} (OSGi; 0 if not set and on a plain classpath): among
 *                    plugins with the same kind and id the higher one wins look-ups (see {@link PluginPrecedence})
 */
public record PluginDescriptor(PluginKind kind, String id, String description, String bundle, String version,
                               RtmmPlugin plugin, int ranking) {

    /**
     * Validates what the catalog sorts and looks up by: a plugin without an id cannot be listed or chosen, and one
     * null field must not break every listing and look-up of the catalog.
     *
     * @throws IllegalArgumentException if kind or plugin is null, or the id is null or blank
     */
    public PluginDescriptor {
        if (kind == null || plugin == null) {
            throw new IllegalArgumentException("plugin kind and instance are required");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(kind.label() + " " + plugin.getClass().getName()
                    + " has no id (id() returned " + (id == null ? "null" : "'" + id + "'") + ")");
        }
        description = description == null ? "" : description;
        bundle = bundle == null ? "?" : bundle;
        version = version == null ? "?" : version;
    }

    /** A plugin with the default ranking 0 (every plugin on a plain classpath). */
    public PluginDescriptor(PluginKind kind, String id, String description, String bundle, String version,
                            RtmmPlugin plugin) {
        this(kind, id, description, bundle, version, plugin, 0);
    }

    /** @return "bundle version", plus " ranking N" when the ranking is not 0: what messages name a plugin by */
    public String origin() {
        return bundle + " " + version + (ranking == 0 ? "" : " ranking " + ranking);
    }
}
