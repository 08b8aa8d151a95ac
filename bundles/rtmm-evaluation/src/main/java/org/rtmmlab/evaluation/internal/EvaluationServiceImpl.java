package org.rtmmlab.evaluation.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.RunControl;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;

/**
 * The container's {@link EvaluationService}: a DS component over the plugin catalog. ConfigAdmin PID
 * {@value #PID}: {@code workers} (evaluations run at once, default the number of cores), {@code dataDir} (default
 * the framework property {@code rtmm.data.dir}, else {@code data}; results go to {@code <dataDir>/results}) and
 * {@code schedulerTimeout} (seconds a run waits for its scheduler to return, default 60). A changed {@code workers} or
 * {@code schedulerTimeout} applies at once (to runs started afterwards for the timeout); a changed {@code dataDir}
 * at the next start of the component.
 *
 * <p>Evaluations queue on a bounded pool of worker threads; a comparison runs its runs one after another on one
 * worker, so {@code workers} bounds the simulations running at once. A ticker asks each running evaluation for
 * progress four times per wall second and tells its watchers when something changed; state changes and swaps are told
 * at once.
 */
@Component(service = EvaluationService.class, configurationPid = EvaluationServiceImpl.PID, immediate = true)
public final class EvaluationServiceImpl implements EvaluationService {

    /** ConfigAdmin PID. */
    public static final String PID = "org.rtmmlab.evaluation";
    /** Live status updates per wall second, at most. */
    static final int UPDATES_PER_SECOND = 4;

    private final PluginCatalog catalog;
    private final Evaluator evaluator;
    private final ResultStore store;
    private final Runner runner;
    private final ThreadPoolExecutor workers;
    private final ExecutorService notifier;
    private final ScheduledExecutorService ticker;
    private final Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    private volatile long schedulerTimeoutNs;
    private volatile boolean active = true;
    /** Tells running evaluations about catalog changes; removed on deactivation. */
    private final PluginCatalog.Registration catalogListener;

    /** DS: the catalog, the framework (for {@code rtmm.data.dir}) and the configuration. */
    @Activate
    public EvaluationServiceImpl(@Reference PluginCatalog catalog, BundleContext context, Map<String, Object> config) {
        this(catalog, ServiceConfig.dataDir(config, context.getProperty("rtmm.data.dir")), config);
    }

    /** Outside DS (tests): results under {@code dataDir/results}. */
    EvaluationServiceImpl(PluginCatalog catalog, Path dataDir, Map<String, Object> config) {
        this.catalog = catalog;
        this.evaluator = new Evaluator(catalog);
        this.store = new ResultStore(dataDir.resolve("results"), line -> System.err.println("[rtmm] " + line));
        int n = ServiceConfig.workers(config);
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "rtmm-evaluation-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "rtmm-evaluation-watch"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rtmm-evaluation-ticker"));
        this.schedulerTimeoutNs = ServiceConfig.schedulerTimeoutNs(config);
        this.runner = new Runner(catalog, evaluator, store, this::schedulerTimeoutNs, this::changed);
        long period = 1000 / UPDATES_PER_SECOND;
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        this.catalogListener = catalog.addListener(this::catalogChanged);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** DS: a new configuration: workers and scheduler timeout apply now. */
    @Modified
    void modified(Map<String, Object> config) {
        int n = ServiceConfig.workers(config);
        if (n > workers.getMaximumPoolSize()) {
            workers.setMaximumPoolSize(n);
            workers.setCorePoolSize(n);
        } else {
            workers.setCorePoolSize(n);
            workers.setMaximumPoolSize(n);
        }
        schedulerTimeoutNs = ServiceConfig.schedulerTimeoutNs(config);
    }

    /** DS: the container stops: running evaluations are cancelled and publish what they measured. */
    @Deactivate
    void deactivate() {
        active = false;
        catalogListener.close();
        for (Evaluation e : snapshot()) {
            e.askCancel();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker.shutdownNow();
        notifier.shutdown();
    }

    long schedulerTimeoutNs() {
        return schedulerTimeoutNs;
    }

    /** @return the pool size (for tests) */
    int workerCount() {
        return workers.getMaximumPoolSize();
    }

    private synchronized List<Evaluation> snapshot() {
        return new ArrayList<>(evaluations.values());
    }

    @Override
    public EvaluationStatus submit(EvaluationRequest request) {
        if (!active) {
            throw new InvalidInputException("evaluation service", "", "the container is stopping");
        }
        runner.validate(request);
        String id = store.nextId();
        Evaluation e = new Evaluation(id, request, store.published(id));
        synchronized (this) {
            evaluations.put(id, e);
        }
        Runnable task = () -> runner.execute(e);
        e.task = task;
        workers.execute(task);
        return e.status();
    }

    @Override
    public List<EvaluationStatus> list() {
        List<EvaluationStatus> out = new ArrayList<>();
        List<Evaluation> mine = snapshot();
        for (Evaluation e : mine) {
            out.add(e.status());
        }
        for (Map.Entry<String, EvaluationRecord> r : store.records().entrySet()) {
            if (mine.stream().noneMatch(e -> e.id.equals(r.getKey()))) {
                out.add(past(r.getValue(), r.getKey()));
            }
        }
        out.sort(Comparator.comparing(EvaluationStatus::submitted).thenComparing(EvaluationStatus::id).reversed());
        return out;
    }

    /** @return an evaluation of an earlier session (or one ended in this one), from its evaluation.json */
    private EvaluationStatus past(EvaluationRecord r, String key) {
        int done = (int) r.runs().stream().filter(x -> x.state().isFinal()).count();
        Path dir = store.entries().stream().filter(x -> x.id().equals(r.id())).map(ResultEntry::dir).findFirst()
                .orElse(store.published(key));
        String scheduler = r.swaps().isEmpty() ? r.request().schedulers().get(0)
                : r.swaps().get(r.swaps().size() - 1).toScheduler();
        return new EvaluationStatus(r.id(), r.request(), r.state(), r.message(), scheduler, done, r.runs().size(), 0, 0,
                Map.of(), List.of(), r.swaps(), dir, r.submitted(), r.ended());
    }

    @Override
    public Optional<EvaluationStatus> status(String id) {
        Evaluation e = find(id);
        if (e != null) {
            return Optional.of(e.status());
        }
        EvaluationRecord r = store.records().get(id);
        return r == null ? Optional.empty() : Optional.of(past(r, id));
    }

    private synchronized Evaluation find(String id) {
        return evaluations.get(id);
    }

    private Evaluation require(String id, String operation) {
        Evaluation e = find(id);
        if (e == null) {
            throw new InvalidInputException("evaluation", id == null ? "" : id, store.records().containsKey(id)
                    ? "has ended; cannot " + operation : "unknown evaluation id");
        }
        return e;
    }

    private static InvalidInputException notNow(Evaluation e, EvaluationState s, String operation) {
        return new InvalidInputException("evaluation", e.id, "is " + s.name().toLowerCase().replace('_', ' ')
                + "; cannot " + operation);
    }

    @Override
    public EvaluationStatus pause(String id) {
        return ask(id, "pause", s -> s == EvaluationState.RUNNING || s == EvaluationState.WAITING_FOR_SCHEDULER,
                (e, s) -> e.askPause());
    }

    @Override
    public EvaluationStatus resume(String id) {
        return ask(id, "resume", s -> s == EvaluationState.PAUSED, (e, s) -> e.askResume());
    }

    @Override
    public EvaluationStatus cancel(String id) {
        return ask(id, "cancel", s -> !s.isFinal(), (e, s) -> {
            e.askCancel();
            if (s == EvaluationState.QUEUED && workers.remove(e.task)) {
                runner.execute(e); // it never reached a worker: published as cancelled now, not when a worker frees
            }
        });
    }

    /**
     * One control request of the shell or the web API: {@code ask} applies it to evaluation {@code id} when its
     * state (read once) is {@code allowed}; else the request is refused.
     *
     * @return the evaluation's status after the request
     */
    private EvaluationStatus ask(String id, String operation, Predicate<EvaluationState> allowed,
                                 BiConsumer<Evaluation, EvaluationState> ask) {
        Evaluation e = require(id, operation);
        EvaluationState s = e.state();
        if (!allowed.test(s)) {
            throw notNow(e, s, operation);
        }
        ask.accept(e, s);
        changed(e);
        return e.status();
    }

    @Override
    public EvaluationStatus swap(String id, String scheduler, Map<String, String> properties) {
        Evaluation e = require(id, "swap");
        EvaluationState s = e.state();
        if (!e.request.isSingleRun()) {
            throw new InvalidInputException("evaluation", id, "is a comparison; only a single run can swap");
        }
        if (e.request.xrbenchCompat()) {
            throw new InvalidInputException("evaluation", id, "runs in XRBench compatibility mode, which cannot swap");
        }
        RunControl c = e.control();
        if ((s != EvaluationState.RUNNING && s != EvaluationState.PAUSED) || c == null) {
            throw notNow(e, s, "swap");
        }
        Map<String, String> props = properties == null ? Map.of() : properties;
        PluginDescriptor d = catalog.find(PluginKind.SCHEDULER, scheduler).orElseThrow(() -> new InvalidInputException(
                "swap", scheduler, "unknown scheduler; known: " + catalog.plugins(PluginKind.SCHEDULER).stream()
                .map(PluginDescriptor::id).distinct().toList()));
        for (String key : props.keySet()) {
            if (key.startsWith("engine.")) {
                throw new InvalidInputException("swap properties", key,
                        "engine properties are fixed for a run; only the scheduler's may be given");
            }
        }
        Evaluator.checkPropertyKeys((SchedulerPolicy) d.plugin(), props);
        c.swap(new RunControl.SwapRequest(scheduler, props));
        return e.status();
    }

    @Override
    public AutoCloseable watch(String id, Consumer<EvaluationStatus> listener) {
        Evaluation e = find(id);
        if (e == null) {
            EvaluationStatus past = status(id).orElseThrow(() -> new InvalidInputException("evaluation", id,
                    "unknown evaluation id"));
            safe(listener, past);
            return () -> { };
        }
        e.addWatcher(listener);
        EvaluationStatus now = e.status();
        if (now.state().isFinal()) {
            e.removeWatcher(listener);
            safe(listener, now);
            return () -> { };
        }
        safe(listener, now);
        return () -> e.removeWatcher(listener);
    }

    private static void safe(Consumer<EvaluationStatus> listener, EvaluationStatus s) {
        try {
            listener.accept(s);
        } catch (RuntimeException ex) {
            // ignored, as the contract says
        }
    }

    @Override
    public List<ResultEntry> results() {
        return store.entries();
    }

    @Override
    public Path resultsDir() {
        return store.root();
    }

    /** Something urgent changed (state, swap, end): watchers are told at once, on the notifier thread. */
    void changed(Evaluation e) {
        try {
            notifier.execute(() -> e.notifyWatchers(false));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the service is going away
        }
    }

    /** Four times a second: ask running evaluations for progress, tell watchers what changed. */
    private void tick() {
        for (Evaluation e : snapshot()) {
            RunControl c = e.control();
            if (c != null) {
                c.requestProgress();
                changed(e);
            }
        }
    }

    /** A plugin came or went: running evaluations check that their scheduler is still there. */
    private void catalogChanged(String event) {
        if (!active) {
            return;
        }
        for (Evaluation e : snapshot()) {
            RunControl c = e.control();
            if (c != null) {
                c.schedulerGone();
            }
        }
    }
}
