package org.rtmmlab.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
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
 * Thread-safe set of the plugins currently available: the {@link PluginCatalog} of a plain classpath (filled by
 * {@link ServiceLoaderCatalog}) and of tests, and the base of the container's DS component, which fills it as plugin
 * services come and go. Same-id plugins are ordered by {@link PluginPrecedence}.
 */
public class DefaultPluginCatalog implements PluginCatalog {

    /** For listings: kind, id, then the winner first. */
    private static final Comparator<PluginDescriptor> ORDER = Comparator
            .comparing(PluginDescriptor::kind)
            .thenComparing(PluginDescriptor::id)
            .thenComparing(PluginPrecedence.ORDER);

    /** In the order added; a plugin equal to another on {@link PluginPrecedence} wins over those added before. */
    private final CopyOnWriteArrayList<PluginDescriptor> plugins = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<String>> problems = new CopyOnWriteArrayList<>();

    /**
     * Adds a plugin. A plugin of the same kind and id stays listed; the one first in {@link PluginPrecedence}
     * wins look-ups (a hot-deployed newer build, a higher {@code service.ranking}) and {@code rtmm list} marks the
     * others. The message to listeners says which one the new plugin shadows or is shadowed by.
     */
    public void add(PluginDescriptor descriptor) {
        String message;
        synchronized (plugins) { // additions and removals one at a time, so that each message is true
            Optional<PluginDescriptor> before = find(descriptor.kind(), descriptor.id());
            plugins.add(descriptor);
            PluginDescriptor winner = find(descriptor.kind(), descriptor.id()).orElseThrow();
            message = "added " + descriptor.kind().label() + " " + descriptor.id() + " (" + descriptor.origin() + ")"
                    + (winner != descriptor ? SHADOWED_BY + winner.origin()
                    : before.map(d -> SHADOWING + d.origin()).orElse(""));
        }
        fire(message);
    }

    /** Removes the descriptor holding exactly this plugin instance, if present. */
    public void remove(RtmmPlugin plugin) {
        List<String> messages = new ArrayList<>();
        synchronized (plugins) {
            for (PluginDescriptor d : plugins) {
                if (d.plugin() == plugin) {
                    boolean won = find(d.kind(), d.id()).orElseThrow() == d;
                    plugins.remove(d);
                    Optional<PluginDescriptor> next = won ? find(d.kind(), d.id()) : Optional.empty();
                    messages.add("removed " + d.kind().label() + " " + d.id() + " (" + d.origin() + ")"
                            + next.map(n -> "; the one of " + n.origin() + " is used now").orElse(""));
                }
            }
        }
        messages.forEach(this::fire);
    }

    /**
     * Where problems with a plugin go (one line each: a provider that fails to list, a plugin without an id): the
     * command line prints them as warnings; without a handler they go to standard error prefixed {@code [rtmm]}.
     *
     * @return the handle that removes the handler
     */
    public Registration onProblem(Consumer<String> handler) {
        return register(problems, handler);
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

    @Override
    public Registration addListener(Consumer<String> listener) {
        return register(listeners, listener);
    }

    private static Registration register(List<Consumer<String>> list, Consumer<String> handler) {
        Consumer<String> entry = handler::accept; // its own identity: the same handler added twice is two entries
        list.add(entry);
        return () -> list.remove(entry);
    }

    /** @return how many listeners are registered (for tests of who removes theirs) */
    public int listenerCount() {
        return listeners.size();
    }

    private void fire(String message) {
        for (Consumer<String> l : listeners) {
            l.accept(message);
        }
    }

    @Override
    public List<PluginDescriptor> plugins() {
        List<PluginDescriptor> all = new ArrayList<>(plugins);
        Collections.reverse(all); // the sort is stable: of plugins equal on precedence the winner, added last, first
        all.sort(ORDER);
        return all;
    }

    @Override
    public Optional<PluginDescriptor> find(PluginKind kind, String id) {
        PluginDescriptor found = null;
        for (PluginDescriptor d : plugins) { // in the order added: of equals on precedence the last one wins
            if (d.kind() == kind && d.id().equals(id)
                    && (found == null || PluginPrecedence.ORDER.compare(d, found) <= 0)) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return the scheduler policy {@code id} @throws InvalidInputException naming the known ids */
    @Override
    public SchedulerPolicy scheduler(String id) {
        return (SchedulerPolicy) require(PluginKind.SCHEDULER, id).plugin();
    }

    /** @return the metric reporter {@code id} @throws InvalidInputException naming the known ids */
    @Override
    public MetricReporter reporter(String id) {
        return (MetricReporter) require(PluginKind.REPORTER, id).plugin();
    }

    /** @return the accelerator model {@code id} @throws InvalidInputException naming the known ids */
    @Override
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
    @Override
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
    @Override
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
    @Override
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
    @Override
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
