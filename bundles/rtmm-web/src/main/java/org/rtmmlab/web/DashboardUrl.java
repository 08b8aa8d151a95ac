package org.rtmmlab.web;

import org.osgi.framework.BundleContext;

/** The dashboard's address as configured for Felix HTTP ({@code org.apache.felix.http.host}, {@code org.osgi.service.http.port}). */
final class DashboardUrl {

    private DashboardUrl() {
    }

    /** @return e.g. {@code http://127.0.0.1:8089/ui/} */
    static String of(BundleContext context) {
        String host = context.getProperty("org.apache.felix.http.host");
        String port = context.getProperty("org.osgi.service.http.port");
        if (host == null || host.isBlank() || host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + (port == null || port.isBlank() ? "8080" : port.trim()) + "/ui/";
    }
}
