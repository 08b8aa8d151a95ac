package org.rtmmlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Finds the bundles that do not work and says why on one line, from the framework's own state:
 * <ul>
 *   <li>an INSTALLED bundle that {@link FrameworkWiring#resolveBundles} cannot resolve: a transient start attempt
 *       (which then fails with nothing started) gives the resolver's {@link BundleException}, reduced to the missing
 *       requirement, e.g. {@code missing package org.foo [1.0.0,2.0.0)}, and when resolved bundles export the
 *       package in other versions (a plugin built against another API version) which ones, from their
 *       {@link BundleRevision}s' package capabilities;</li>
 *   <li>a bundle that is to be started but stays RESOLVED: the activator's exception from the same attempt;</li>
 *   <li>an active bundle with a DS component in state FAILED_ACTIVATION: the first line of the failure that
 *       {@link ServiceComponentRuntime} recorded (the exception its constructor or activate method threw).</li>
 * </ul>
 * A resolved bundle never asked to start (no persistent start flag) is not started: it is no failure.
 */
public final class PluginDiagnostics {

    private static final Pattern MISSING = Pattern.compile("missing requirement \\[.*?\\]\\s*([\\w.]+);\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern LOW = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern HIGH_EXCL = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern HIGH_INCL = Pattern.compile("\\(!\\(version>([^=)][^)]*)\\)\\)");

    private final BundleContext context;

    /** @param context any bundle's context (only used to read the framework's state) */
    public PluginDiagnostics(BundleContext context) {
        this.context = context;
    }

    /** @return every bundle that does not work, by bundle id */
    public List<BundleProblem> problems() {
        List<BundleProblem> out = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        try {
            for (Bundle b : context.getBundles()) {
                if (b.getBundleId() == 0 || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                    continue;
                }
                problem(b, scr).ifPresent(out::add);
            }
        } finally {
            if (scr != null) {
                context.ungetService(ref);
            }
        }
        return out;
    }

    private Optional<BundleProblem> problem(Bundle b, ServiceComponentRuntime scr) {
        List<String> components = new ArrayList<>();
        String reason = null;
        int state = b.getState();
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        boolean unresolvable = state == Bundle.INSTALLED && wiring != null && !wiring.resolveBundles(Set.of(b));
        if (unresolvable || (state == Bundle.RESOLVED && persistentlyStarted(b))) {
            // the resolver gives its reason only through a start attempt: for a bundle that cannot resolve it fails
            // with nothing started; for a bundle to be started it is what the framework does anyway
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException e) {
                reason = unresolvable || e.getType() == BundleException.RESOLVE_ERROR
                        ? resolveReason(e.getMessage(), this::exportedVersions) : exceptionReason(e.getCause() != null ? e.getCause() : e);
            } catch (IllegalStateException e) {
                return Optional.empty(); // uninstalled meanwhile
            }
        }
        if (scr != null && (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING)) {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
                components.add(d.name);
                if (reason == null) {
                    for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                            reason = "component " + shortName(d.name) + " failed to activate: "
                                    + failureLine(c.failure);
                            break;
                        }
                    }
                }
            }
        }
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(new BundleProblem(b.getBundleId(), String.valueOf(b.getSymbolicName()),
                b.getVersion().toString(), b.getLocation(), components, reason));
    }

    /** @return the versions in which resolved bundles (the system bundle included) export {@code pkg}, lowest first */
    private List<Version> exportedVersions(String pkg) {
        TreeSet<Version> out = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null || b.getState() == Bundle.INSTALLED || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (BundleCapability c : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (pkg.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                        && c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) instanceof Version v) {
                    out.add(v);
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean persistentlyStarted(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    private static String shortName(String componentName) {
        return componentName.substring(componentName.lastIndexOf('.') + 1);
    }

    /**
     * Reduces a resolver message to what is missing. Felix reports an unresolved bundle as {@code Unable to resolve
     * X: missing requirement [X] osgi.wiring.package; (&(osgi.wiring.package=p)(version>=1.0.0)(!(version>=2.0.0)))
     * [caused by: ...]}; the innermost (last) missing requirement is the root cause.
     *
     * @return e.g. {@code does not resolve: missing package org.foo [1.0.0,2.0.0)}; the message on one line if it
     *         has no requirement in that form
     */
    static String resolveReason(String message) {
        return resolveReason(message, pkg -> List.of());
    }

    /**
     * {@link #resolveReason(String)}, naming for a missing package the versions in which it is exported, e.g.
     * {@code does not resolve: missing package org.rtmmlab.api.scheduler [99.0.0,100.0.0), but the lab exports
     * org.rtmmlab.api.scheduler 1.3.0} (the wording of the command line's {@code deploy} and {@code --plugins}).
     *
     * @param exported the versions in which a package is exported (empty: not exported)
     */
    static String resolveReason(String message, Function<String, List<Version>> exported) {
        String text = RtmmCommands.oneLine(message);
        Matcher m = MISSING.matcher(text);
        String namespace = null;
        String filter = null;
        while (m.find()) { // the filter is balanced parentheses from the match's last character
            namespace = m.group(1);
            filter = balanced(text, m.end() - 1);
        }
        if (namespace == null) {
            return "does not resolve: " + text;
        }
        if (namespace.equals("osgi.wiring.package")) {
            Matcher p = PACKAGE.matcher(filter);
            if (p.find()) {
                String pkg = p.group(1);
                List<Version> versions = exported.apply(pkg);
                return "does not resolve: missing package " + pkg + range(filter) + (versions.isEmpty() ? ""
                        : ", but the lab exports " + pkg + " "
                                + versions.stream().map(Version::toString).collect(Collectors.joining(", ")));
            }
        }
        return "does not resolve: missing " + namespace + " " + filter;
    }

    /** @return the parenthesised expression starting at {@code from}, up to its matching ')' (or the end) */
    private static String balanced(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(from, i + 1);
            }
        }
        return text.substring(from);
    }

    /** @return the version range of an OSGi filter as {@code " [low,high)"}, {@code " >= low"}, or empty */
    static String range(String filter) {
        Matcher low = LOW.matcher(filter);
        String lo = low.find() ? low.group(1) : null;
        Matcher hx = HIGH_EXCL.matcher(filter);
        Matcher hi = HIGH_INCL.matcher(filter);
        if (lo != null && hx.find()) {
            return " [" + lo + "," + hx.group(1) + ")";
        }
        if (lo != null && hi.find()) {
            return " [" + lo + "," + hi.group(1) + "]";
        }
        return lo != null ? " >= " + lo : "";
    }

    /** @return {@code Class: message} of the innermost cause, on one line */
    static String exceptionReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getName() + (msg == null || msg.isBlank() ? "" : ": " + RtmmCommands.oneLine(msg));
    }

    /**
     * SCR records a failed activation as a stack trace text; its useful part is the innermost {@code Caused by:}
     * line, or the first line when there is none.
     *
     * @return that line, without the {@code Caused by: } prefix
     */
    static String failureLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "(no reason recorded)";
        }
        String line = failure.strip().lines().findFirst().orElse("").strip();
        for (String l : failure.lines().toList()) {
            String s = l.strip();
            if (s.startsWith("Caused by: ")) {
                line = s.substring("Caused by: ".length());
            }
        }
        return line;
    }
}
