package org.rtmmlab.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * The other scenario providers a file-based provider resolves model refs against ({@link ModelRefs}). Inside OSGi
 * the owning DS component binds them ({@link #bind}/{@link #unbind}, dynamic, multiple) and calls {@link #osgi()};
 * on a plain class path they are found once, lazily, with {@link ServiceLoader} through the thread's context class
 * loader (the command line sets it to the loader of its plugin jars), else the owner's class loader.
 * Either way the owner itself is left out and the providers are searched in id order. An owner that cannot take DS
 * references to its peers calls {@link #osgi(BundleContext)} instead: the peers are then tracked from the first
 * {@link #resolver()} on, until {@link #close()}. Thread-safe.
 */
public final class PeerProviders {

    private final ScenarioProvider owner;
    private final CopyOnWriteArrayList<ScenarioProvider> bound = new CopyOnWriteArrayList<>();
    private volatile boolean osgi;
    private volatile List<ScenarioProvider> loaded;
    private BundleContext context;
    private PeerTracker tracker; // only loaded inside OSGi: the command line has no org.osgi.util.tracker

    /** @param owner the provider that resolves refs (never searched itself) */
    public PeerProviders(ScenarioProvider owner) {
        this.owner = owner;
    }

    /** Switches to the providers bound by DS (call from the component's activate method). */
    public void osgi() {
        osgi = true;
    }

    /**
     * Switches to the framework's provider services, tracked from the first {@link #resolver()} on (call from the
     * component's activate method; {@link #close()} from its deactivate method). Peers are looked up when a scenario
     * is first read, not bound by DS references: the drone, files and rtmdl providers each need the others as peers,
     * and greedy DS references between them formed a service cycle (SCR logged {@code ServiceFactory.getService()
     * resulted in a cycle} on every install). A tracker opened at first use, after activation, gets the other
     * providers without activating anything re-entrantly.
     *
     * @param context the owner's bundle context
     * @since 1.4
     */
    public synchronized void osgi(BundleContext context) {
        this.context = context;
        osgi = true;
    }

    /**
     * Stops tracking the peers started by {@link #osgi(BundleContext)} and releases them (call from the component's
     * deactivate method); a later {@link #osgi(BundleContext)} tracks them again.
     *
     * @since 1.4
     */
    public synchronized void close() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        context = null;
    }

    private synchronized void track() {
        if (context == null || tracker != null) {
            return; // plain class path (ServiceLoader peers), DS-bound peers, or already tracking
        }
        tracker = new PeerTracker(context, this);
    }

    /** DS bind: a provider appeared. */
    public void bind(ScenarioProvider p) {
        if (p != owner) {
            bound.add(p);
        }
    }

    /** DS unbind: a provider went away. */
    public void unbind(ScenarioProvider p) {
        bound.remove(p);
    }

    /** @return the providers to search, sorted by id, without the owner */
    public List<ScenarioProvider> all() {
        List<ScenarioProvider> out;
        if (osgi) {
            out = new ArrayList<>(bound);
        } else {
            List<ScenarioProvider> l = loaded;
            if (l == null) {
                l = new ArrayList<>();
                // The thread's context class loader first (standard SPI practice): the command line sets it to the
                // loader of its --plugins jars, so their providers resolve refs too; else the owner's loader.
                ClassLoader tccl = Thread.currentThread().getContextClassLoader();
                for (ScenarioProvider p : ServiceLoader.load(ScenarioProvider.class,
                        tccl != null ? tccl : owner.getClass().getClassLoader())) {
                    if (p.getClass() != owner.getClass()) {
                        l.add(p);
                    }
                }
                loaded = l;
            }
            out = new ArrayList<>(l);
        }
        out.sort(Comparator.comparing(ScenarioProvider::id));
        return out;
    }

    /** @return a model-ref resolver over {@link #all()} (starts tracking after {@link #osgi(BundleContext)}) */
    public Function<String, Model> resolver() {
        track();
        return ModelRefs.over(this::all);
    }
}
