package org.rtmmlab.engine.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/**
 * Thread-safe set of the plugins currently available, with look-ups by id that fail with a clear message
 * listing the known ids. Filled by {@link ServiceLoaderCatalog} on a plain classpath or by the DS component
 * {@code OsgiPluginCatalog} inside the container, where plugins come and go at run time.
 */
public class PluginCatalog {

    private static final Comparator<PluginDescriptor> ORDER = Comparator
            .comparing(PluginDescriptor::kind)
            .thenComparing(PluginDescriptor::id)
            .thenComparing(PluginDescriptor::bundle)
            .thenComparing(PluginDescriptor::version);

    private final CopyOnWriteArrayList<PluginDescriptor> plugins = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<String>> problems = new CopyOnWriteArrayList<>();

    /**
     * Adds a plugin. A plugin of the same kind and id added earlier stays listed but is shadowed: the newest one wins
     * look-ups (a hot-deployed update, or a --plugins jar overriding a bundled id), and {@code rtmm list} marks it.
     */
    public void add(PluginDescriptor descriptor) {
        Optional<PluginDescriptor> shadowed = find(descriptor.kind(), descriptor.id());
        plugins.add(descriptor);
        fire("added " + descriptor.kind().label() + " " + descriptor.id() + " (" + descriptor.bundle() + " "
                + descriptor.version() + ")" + shadowed.map(d -> ", shadowing the one of " + d.bundle() + " "
                + d.version()).orElse(""));
    }

    /** @return true if {@code d} is listed but another plugin of its kind and id, added later, wins look-ups */
    public boolean shadowed(PluginDescriptor d) {
        return find(d.kind(), d.id()).map(winner -> winner != d).orElse(false);
    }

    /** Removes the descriptor holding exactly this plugin instance, if present. */
    public void remove(RtmmPlugin plugin) {
        for (PluginDescriptor d : plugins) {
            if (d.plugin() == plugin) {
                plugins.remove(d);
                fire("removed " + d.kind().label() + " " + d.id() + " (" + d.bundle() + " " + d.version() + ")");
            }
        }
    }

    /**
     * Where problems with a plugin go (one line each: a provider that fails to list, a plugin without an id): the
     * command line prints them as warnings; without a handler they go to standard error prefixed {@code [rtmm]}.
     */
    public void onProblem(Consumer<String> handler) {
        problems.add(handler);
    }

    /** Reports a plugin problem (see {@link #onProblem}). */
    protected void problem(String message) {
        String line = message.replaceAll("\\R+", " / ");
        if (problems.isEmpty()) {
            System.err.println("[rtmm] " + line);
        }
        for (Consumer<String> h : problems) {
            h.accept(line);
        }
    }

    /** Registers a listener told (one line) about every addition and removal. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void fire(String message) {
        for (Consumer<String> l : listeners) {
            l.accept(message);
        }
    }

    /** @return every plugin, sorted by kind, id, bundle, version */
    public List<PluginDescriptor> plugins() {
        List<PluginDescriptor> all = new ArrayList<>(plugins);
        all.sort(ORDER);
        return all;
    }

    /** @return the plugins of one kind, sorted by id */
    public List<PluginDescriptor> plugins(PluginKind kind) {
        List<PluginDescriptor> out = new ArrayList<>();
        for (PluginDescriptor d : plugins()) {
            if (d.kind() == kind) {
                out.add(d);
            }
        }
        return out;
    }

    /** @return the plugin instances of one kind, sorted by id */
    public <T extends RtmmPlugin> List<T> instances(PluginKind kind, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (PluginDescriptor d : plugins(kind)) {
            out.add(type.cast(d.plugin()));
        }
        return out;
    }

    /** @return the most recently added plugin of this kind and id */
    public Optional<PluginDescriptor> find(PluginKind kind, String id) {
        PluginDescriptor found = null;
        for (PluginDescriptor d : plugins) { // insertion order: the last one wins (hot-deployed update)
            if (d.kind() == kind && d.id().equals(id)) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return the scheduler policy {@code id} @throws InvalidInputException naming the known ids */
    public SchedulerPolicy scheduler(String id) {
        return (SchedulerPolicy) require(PluginKind.SCHEDULER, id).plugin();
    }

    /** @return the metric reporter {@code id} @throws InvalidInputException naming the known ids */
    public MetricReporter reporter(String id) {
        return (MetricReporter) require(PluginKind.REPORTER, id).plugin();
    }

    /** @return the accelerator model {@code id} @throws InvalidInputException naming the known ids */
    public AcceleratorModel acceleratorModel(String id) {
        return (AcceleratorModel) require(PluginKind.ACCELERATOR_MODEL, id).plugin();
    }

    private PluginDescriptor require(PluginKind kind, String id) {
        return find(kind, id).orElseThrow(() -> new InvalidInputException(kind.label(), "",
                "unknown " + kind.label() + " '" + id + "'; known: " + ids(kind)));
    }

    private String ids(PluginKind kind) {
        List<String> ids = new ArrayList<>();
        for (PluginDescriptor d : plugins(kind)) {
            if (!ids.contains(d.id())) {
                ids.add(d.id());
            }
        }
        return ids.isEmpty() ? "(none installed)" : String.join(", ", ids);
    }

    /** @return every platform shipped by an accelerator model, sorted by id */
    public List<Platform> platforms() {
        List<Platform> out = new ArrayList<>();
        for (AcceleratorModel m : instances(PluginKind.ACCELERATOR_MODEL, AcceleratorModel.class)) {
            try {
                List<Platform> ps = m.platforms();
                for (Platform p : ps == null ? List.<Platform>of() : ps) {
                    if (p != null) {
                        out.add(p);
                    }
                }
            } catch (RuntimeException | LinkageError e) { // one broken plugin must not hide the others' platforms
                problem("cost model '" + m.id() + "' failed to list its platforms, skipped: " + e);
            }
        }
        out.sort(Comparator.comparing(Platform::id));
        return out;
    }

    /** @return the platform {@code id} shipped by an accelerator model @throws InvalidInputException if unknown */
    public Platform platform(String id) {
        List<Platform> all = platforms();
        for (Platform p : all) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        List<String> ids = new ArrayList<>();
        all.forEach(p -> ids.add(p.id()));
        throw new InvalidInputException("platform", "", "unknown platform '" + id + "'; known: "
                + (ids.isEmpty() ? "(none installed)" : String.join(", ", ids)));
    }

    /** @return every scenario listed by a scenario provider, sorted by id */
    public List<ScenarioProvider.Info> scenarios() {
        List<ScenarioProvider.Info> out = new ArrayList<>();
        for (ScenarioProvider p : instances(PluginKind.SCENARIO_PROVIDER, ScenarioProvider.class)) {
            out.addAll(listed(p));
        }
        out.sort(Comparator.comparing(ScenarioProvider.Info::id));
        return out;
    }

    /** @return the scenarios {@code p} lists; none (and a problem reported) if listing fails */
    private List<ScenarioProvider.Info> listed(ScenarioProvider p) {
        try {
            List<ScenarioProvider.Info> infos = p.scenarios();
            List<ScenarioProvider.Info> out = new ArrayList<>();
            for (ScenarioProvider.Info i : infos == null ? List.<ScenarioProvider.Info>of() : infos) {
                if (i != null && i.id() != null) {
                    out.add(i);
                }
            }
            return out;
        } catch (RuntimeException | LinkageError e) { // one broken provider must not hide the others' scenarios
            problem("scenario provider '" + p.id() + "' failed to list its scenarios, skipped: " + e);
            return List.of();
        }
    }

    private static Scenario load(ScenarioProvider p, String id) {
        Scenario s;
        try {
            s = p.load(id);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new InvalidInputException("scenario provider " + p.id(), id, "failed to load: " + e);
        }
        if (s == null) {
            throw new InvalidInputException("scenario provider " + p.id(), id, "load returned no scenario");
        }
        return s;
    }

    /** @return the scenario {@code id}, loaded by the provider that lists it @throws InvalidInputException if unknown */
    public Scenario scenario(String id) {
        List<String> ids = new ArrayList<>();
        for (ScenarioProvider p : instances(PluginKind.SCENARIO_PROVIDER, ScenarioProvider.class)) {
            for (ScenarioProvider.Info info : listed(p)) {
                if (info.id().equals(id)) {
                    return load(p, id);
                }
                ids.add(info.id());
            }
        }
        ids.sort(null);
        throw new InvalidInputException("scenario", "", "unknown scenario '" + id + "'; known: "
                + (ids.isEmpty() ? "(none installed)" : String.join(", ", ids)));
    }
}
