package org.rtmmlab.shell;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * {@code rtmm:list} of the lab container: the plugins currently deployed, by kind, with bundle and version, and the
 * bundles that failed (did not resolve, or whose component did not activate) with the reason on one line. The
 * evaluation commands are {@link EvaluationCommands}.
 *
 * <p>Immediate, so that it lives as long as the catalog: it reports catalog changes on the console (see
 * {@link #catalogChanged}).
 */
@Component(service = RtmmCommands.class, immediate = true, property = {
    "osgi.command.scope=rtmm",
    "osgi.command.function=list"
})
public class RtmmCommands {

    private final PluginCatalog catalog;
    private final Supplier<List<BundleProblem>> problems;
    private final BooleanSupplier booted;
    /** This instance's catalog listener, removed on deactivation (a reactivation registers a new one). */
    private final PluginCatalog.Registration listener;
    /** False once deactivated: an event being delivered while the listener is removed is not printed. */
    private volatile boolean active = true;

    /** DS constructor injection: the catalog service and the framework (for failed bundles). */
    @Activate
    public RtmmCommands(@Reference PluginCatalog catalog, BundleContext context) {
        this(catalog, new PluginDiagnostics(context)::problems, frameworkActive(context));
    }

    /**
     * @param catalog  the plugins
     * @param problems the bundles that failed, now
     * @param booted  true once the framework has started and until it begins to stop: catalog additions and
     *                removals are printed only then (shadowing additions always)
     */
    RtmmCommands(PluginCatalog catalog, Supplier<List<BundleProblem>> problems, BooleanSupplier booted) {
        this.catalog = catalog;
        this.problems = problems;
        this.booted = booted;
        this.listener = catalog.addListener(this::catalogChanged);
    }

    /** @return true while the framework is ACTIVE: after start-up (STARTING) and before shutdown (STOPPING) */
    private static BooleanSupplier frameworkActive(BundleContext context) {
        Bundle system = context.getBundle(0);
        return () -> system.getState() == Bundle.ACTIVE;
    }

    @Deactivate
    void deactivate() {
        active = false;
        listener.close();
    }

    /**
     * Prints a catalog change as {@code [rtmm] <line>} on the console. A plugin shadowing another of the same kind
     * and id, or shadowed by one, is always printed (that is what a user must not miss); other additions and removals only while the
     * framework is ACTIVE, i.e. hot deployment, not the dozens of bundled plugins binding at boot or going at
     * shutdown. Called on the thread that changed the catalog (SCR, FileInstall), whose System.out is the console,
     * not a Gogo session.
     */
    void catalogChanged(String event) {
        boolean shadowing = event.contains(PluginCatalog.SHADOWING)
                || event.contains(PluginCatalog.SHADOWED_BY);
        if (active && (shadowing || booted.getAsBoolean())) {
            System.out.println("[rtmm] " + oneLine(event));
        }
    }

    /**
     * Lists every plugin found, by kind, with id, bundle and version, then the bundles that failed, each with its
     * reason on one line.
     *
     * @param all also list the scenarios and platforms the plugins ship
     */
    @Descriptor("list the plugins found (schedulers, accelerator models, scenario providers, reporters) and the"
            + " bundles that failed to resolve or activate, with the reason")
    public void list(@Descriptor("also list scenarios and platforms") @Parameter(names = {"-a", "--all"},
            presentValue = "true", absentValue = "false") boolean all) {
        for (String line : CatalogListing.lines(catalog, all)) {
            System.out.println(line);
        }
        List<BundleProblem> failed = problems.get();
        if (!failed.isEmpty()) {
            System.out.println("failed bundles (" + failed.size() + "):");
            for (BundleProblem p : failed) {
                System.out.println("  " + p.line());
            }
        }
    }

    /**
     * @return a warning naming the plugins the scheduler {@code id} shadows (other schedulers of that id that the
     *         look-up does not use), or {@code null} if none
     */
    static String shadowWarning(PluginCatalog catalog, String id) {
        Optional<PluginDescriptor> winner = catalog.find(PluginKind.SCHEDULER, id);
        if (winner.isEmpty()) {
            return null;
        }
        List<String> hidden = new ArrayList<>();
        for (PluginDescriptor d : catalog.plugins(PluginKind.SCHEDULER)) {
            if (d.id().equals(id) && d != winner.get() && catalog.shadowed(d)) {
                hidden.add(d.origin());
            }
        }
        if (hidden.isEmpty()) {
            return null;
        }
        PluginDescriptor w = winner.get();
        return "warning: scheduler '" + id + "' is the one of " + w.origin() + PluginCatalog.SHADOWING
                + String.join(", ", hidden) + " (rtmm:list marks the shadowed one)";
    }

    /** @return the text on one line: every run of line breaks becomes " / " */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\R+", " / ");
    }

    /**
     * @return a relative {@code *.json} path made absolute against the container's working directory, so that
     *         "file not found" (the evaluator names the path it was given) shows where it looked; anything else
     *         (an id, an absolute path, a path the OS rejects) unchanged
     */
    static String absoluteFile(String idOrFile) {
        if (!idOrFile.endsWith(".json")) {
            return idOrFile;
        }
        try {
            Path p = Path.of(idOrFile);
            return p.isAbsolute() ? idOrFile : p.toAbsolutePath().toString();
        } catch (InvalidPathException e) {
            return idOrFile; // the evaluator reports it
        }
    }
}
