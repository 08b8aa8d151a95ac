package org.rtmmlab.json;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * Tracks the framework's scenario provider services into {@link PeerProviders} (bind on arrival, unbind and unget on
 * departure) until closed; shared by the scenario providers that resolve model refs through their peers (drone,
 * files). A class of its own so that the providers and {@link PeerProviders} reference no OSGi tracker type: on the
 * command line (ServiceLoader) {@code org.osgi.util.tracker} is not on the class path, and this class is never loaded
 * there.
 *
 * @since 1.2
 */
public final class PeerTracker implements ServiceTrackerCustomizer<ScenarioProvider, ScenarioProvider> {

    private final BundleContext context;
    private final PeerProviders peers;
    private final ServiceTracker<ScenarioProvider, ScenarioProvider> tracker;

    /** Starts tracking at once. */
    public PeerTracker(BundleContext context, PeerProviders peers) {
        this.context = context;
        this.peers = peers;
        this.tracker = new ServiceTracker<>(context, ScenarioProvider.class, this);
        tracker.open();
    }

    @Override
    public ScenarioProvider addingService(ServiceReference<ScenarioProvider> ref) {
        ScenarioProvider p = context.getService(ref);
        if (p != null) {
            peers.bind(p); // ignores the owning provider itself
        }
        return p;
    }

    @Override
    public void modifiedService(ServiceReference<ScenarioProvider> ref, ScenarioProvider p) {
    }

    @Override
    public void removedService(ServiceReference<ScenarioProvider> ref, ScenarioProvider p) {
        peers.unbind(p);
        context.ungetService(ref);
    }

    /** Stops tracking and releases every peer. */
    public void close() {
        tracker.close();
    }
}
