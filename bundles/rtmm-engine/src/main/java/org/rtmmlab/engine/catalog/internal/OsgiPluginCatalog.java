package org.rtmmlab.engine.catalog.internal;

import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * The container's catalog: a DS component bound dynamically to every plugin service, so bundles dropped into
 * {@code deploy/} appear without restart and vanish when removed. Registered as a {@link PluginCatalog} service;
 * this package is private to the engine bundle, users see only the interface. Each plugin carries its service's
 * {@code service.ranking}, which decides among plugins of the same id (see
 * {@link org.rtmmlab.engine.catalog.PluginPrecedence}); a ranking changed while the service stays registered is
 * not seen until the service is registered again (guess: nobody re-ranks a plugin live).
 */
@Component(service = PluginCatalog.class, immediate = true)
public class OsgiPluginCatalog extends DefaultPluginCatalog {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeScheduler")
    void addScheduler(SchedulerPolicy plugin, ServiceReference<SchedulerPolicy> ref) {
        bind(PluginKind.SCHEDULER, plugin, ref);
    }

    void removeScheduler(SchedulerPolicy plugin) {
        remove(plugin);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeAcceleratorModel")
    void addAcceleratorModel(AcceleratorModel plugin, ServiceReference<AcceleratorModel> ref) {
        bind(PluginKind.ACCELERATOR_MODEL, plugin, ref);
    }

    void removeAcceleratorModel(AcceleratorModel plugin) {
        remove(plugin);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeScenarioProvider")
    void addScenarioProvider(ScenarioProvider plugin, ServiceReference<ScenarioProvider> ref) {
        bind(PluginKind.SCENARIO_PROVIDER, plugin, ref);
    }

    void removeScenarioProvider(ScenarioProvider plugin) {
        remove(plugin);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeReporter")
    void addReporter(MetricReporter plugin, ServiceReference<MetricReporter> ref) {
        bind(PluginKind.REPORTER, plugin, ref);
    }

    void removeReporter(MetricReporter plugin) {
        remove(plugin);
    }

    private void bind(PluginKind kind, RtmmPlugin plugin, ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        String bsn = b == null ? "?" : b.getSymbolicName();
        String version = b == null ? "?" : b.getVersion().toString();
        PluginDescriptor d;
        try {
            d = new PluginDescriptor(kind, plugin.id(), plugin.description(), bsn, version, plugin, ranking(ref));
        } catch (RuntimeException | LinkageError e) {
            // a plugin whose id() throws or is missing is not listed; it must not take the catalog down
            problem("ignoring " + kind.label() + " from " + bsn + " " + version + ": " + e.getMessage());
            return;
        }
        add(d);
    }

    /** @return the service's {@code service.ranking}; 0 if absent or not an Integer (as the framework treats it) */
    private static int ranking(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
    }

    /** @return a short summary for debugging */
    @Override
    public String toString() {
        return "OsgiPluginCatalog" + Map.of("plugins", plugins().size());
    }
}
