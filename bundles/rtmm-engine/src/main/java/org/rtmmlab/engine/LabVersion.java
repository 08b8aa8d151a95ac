package org.rtmmlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The lab (engine bundle) version, from a resource filtered by Maven at build time. */
public final class LabVersion {

    private static final String VERSION = load();

    private LabVersion() {
    }

    /** @return the engine version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} if the resource is missing */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LabVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
