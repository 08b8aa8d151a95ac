package org.rtmmlab.engine.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * The plugins currently available, with look-ups by id that fail with a clear message listing the known ids.
 * Inside the container it is a service (a DS component of the engine bundle, bound to every plugin service); on a
 * plain classpath {@link ServiceLoaderCatalog#load} builds a {@link DefaultPluginCatalog}.
 *
 * <p><b>Plugins with the same kind and id.</b> All stay listed; exactly one wins look-ups, chosen by
 * {@link PluginPrecedence}: the higher {@code service.ranking}, then the higher bundle version, then the bundle
 * symbolic name first in alphabetical order. The others are {@linkplain #shadowed shadowed}. The order depends only
 * on what the bundles declare, so the winner is the same after every restart whatever order plugins bind in.
 */
public interface PluginCatalog {

    /** What an addition's message to listeners says when the new plugin wins over another of its kind and id. */
    String SHADOWING = ", shadowing the one of ";
    /** What an addition's message to listeners says when another plugin of its kind and id still wins. */
    String SHADOWED_BY = ", shadowed by the one of ";

    /** A listener's registration: {@link #close()} removes the listener (idempotent). */
    interface Registration extends AutoCloseable {
        /** Removes the listener; later changes are not reported to it. Closing twice does nothing. */
        @Override
        void close();
    }

    /**
     * Registers a listener told (one line) about every addition and removal, including which plugin a same-id
     * addition shadows or is shadowed by. Who registers one removes it (on deactivation) by closing the handle.
     *
     * @return the handle that removes the listener
     */
    Registration addListener(Consumer<String> listener);

    /** @return every plugin, sorted by kind, id, then precedence (the one that wins look-ups first) */
    List<PluginDescriptor> plugins();

    /** @return the plugins of one kind, sorted by id, then precedence */
    default List<PluginDescriptor> plugins(PluginKind kind) {
        return plugins().stream().filter(d -> d.kind() == kind).toList();
    }

    /** @return the plugin instances of one kind, sorted by id, then precedence */
    default <T extends RtmmPlugin> List<T> instances(PluginKind kind, Class<T> type) {
        return plugins(kind).stream().map(d -> type.cast(d.plugin())).toList();
    }

    /** @return the plugin of this kind and id that wins look-ups (see the class comment), if any */
    Optional<PluginDescriptor> find(PluginKind kind, String id);

    /** @return true if {@code d} is listed but another plugin of its kind and id wins look-ups */
    default boolean shadowed(PluginDescriptor d) {
        return find(d.kind(), d.id()).map(winner -> winner != d).orElse(false);
    }

    /** @return the scheduler policy {@code id} @throws org.rtmmlab.api.InvalidInputException naming the known ids */
    SchedulerPolicy scheduler(String id);

    /** @return the metric reporter {@code id} @throws org.rtmmlab.api.InvalidInputException naming the known ids */
    MetricReporter reporter(String id);

    /** @return the accelerator model {@code id} @throws org.rtmmlab.api.InvalidInputException naming the known ids */
    AcceleratorModel acceleratorModel(String id);

    /** @return every platform shipped by an accelerator model, sorted by id */
    List<Platform> platforms();

    /** @return the platform {@code id} @throws org.rtmmlab.api.InvalidInputException if unknown */
    Platform platform(String id);

    /** @return every scenario listed by a scenario provider, sorted by id */
    List<ScenarioProvider.Info> scenarios();

    /** @return the scenario {@code id}, loaded by the provider that lists it @throws org.rtmmlab.api.InvalidInputException if unknown */
    Scenario scenario(String id);
}
