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
 */
public record PluginDescriptor(PluginKind kind, String id, String description, String bundle, String version,
                               RtmmPlugin plugin) {
}
