package org.rtmmlab.web;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Bundles and components that failed, each with the reason in one line, for the dashboard's plugin list: a bundle
 * that does not resolve (the packages no bundle exports, as the requirement's filter), one that resolved but is
 * not started, and a DS component whose activation threw (SCR's failure text, first line).
 */
final class PluginProblems {

    /** One failed bundle or component. */
    record Problem(String bundle, String version, String component, String state, String reason) {
    }

    private PluginProblems() {
    }

    /** @param scr the DS runtime, or null (then component failures are not listed) */
    static List<Problem> find(BundleContext context, ServiceComponentRuntime scr) {
        List<Problem> out = new ArrayList<>();
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (b.getState() == Bundle.INSTALLED) {
                out.add(new Problem(b.getSymbolicName(), b.getVersion().toString(), "", "not resolved",
                        "does not resolve: " + missing(b, wiring)));
            } else if (b.getState() == Bundle.RESOLVED) {
                out.add(new Problem(b.getSymbolicName(), b.getVersion().toString(), "", "not started",
                        "resolved but not started (stopped, or its activator failed)"));
            }
        }
        if (scr != null) {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        Bundle b = context.getBundle(d.bundle.id);
                        out.add(new Problem(d.bundle.symbolicName, b == null ? "?" : b.getVersion().toString(),
                                d.name, "activation failed", firstLine(c.failure)));
                    }
                }
            }
        }
        return out;
    }

    private static String missing(Bundle b, FrameworkWiring wiring) {
        BundleRevision rev = b.adapt(BundleRevision.class);
        if (rev == null || wiring == null) {
            return "unknown reason";
        }
        List<String> missing = new ArrayList<>();
        for (Requirement r : rev.getRequirements(null)) {
            if (Namespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || r.getNamespace().startsWith("osgi.ee")) {
                continue;
            }
            if (wiring.findProviders(r).isEmpty()) {
                String filter = r.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
                missing.add((PackageNamespace.PACKAGE_NAMESPACE.equals(r.getNamespace()) ? "package " : r.getNamespace() + " ")
                        + filter);
            }
        }
        return missing.isEmpty() ? "a dependency does not resolve (see the framework log)" : "missing " + String.join(", ", missing);
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "activation failed";
        }
        String line = s.strip().lines().findFirst().orElse(s);
        return line.length() > 400 ? line.substring(0, 400) + "..." : line;
    }
}
