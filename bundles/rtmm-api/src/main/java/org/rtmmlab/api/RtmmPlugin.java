package org.rtmmlab.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Base of every plugin kind (scheduler policy, accelerator model, scenario provider, metric reporter).
 * Inside OSGi a plugin is a Declarative Services component; on a plain classpath the same class is found
 * through {@link java.util.ServiceLoader}, so implementations need a public no-argument constructor.
 */
@ConsumerType
public interface RtmmPlugin {

    /** Stable identifier users type on the command line, e.g. {@code edf}; unique within its plugin kind. */
    String id();

    /** One line saying what the plugin does, shown by {@code rtmm list}. */
    String description();
}
