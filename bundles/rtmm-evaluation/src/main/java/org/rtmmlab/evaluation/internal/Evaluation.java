package org.rtmmlab.evaluation.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.engine.RunControl;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;

/**
 * One evaluation of this container session: its request, state, the control of the run going on, what its ended
 * runs left (swaps, plugins, run entries, warnings) and its watchers. Thread-safe (its own lock); the worker that runs
 * it, the user's calls and the status ticker meet here.
 */
final class Evaluation {

    final String id;
    final EvaluationRequest request;
    final Instant submitted;
    final Path resultDir;
    final int runsTotal;
    /** what the worker pool runs for it (set once at submit; a queued evaluation is cancelled by removing it). */
    volatile Runnable task;

    private EvaluationState state = EvaluationState.QUEUED;
    private String message = "";
    private RunControl control;
    private String scheduler;
    private boolean pauseAsked;
    private boolean cancelAsked;
    private int runsDone;
    private Instant started;
    private Instant ended;
    private final List<SchedulerSwap> swaps = new ArrayList<>();
    private final LinkedHashSet<String> schedulers = new LinkedHashSet<>();
    private final Map<String, LinkedHashSet<String>> plugins = new TreeMap<>();
    private final List<EvaluationRecord.RunEntry> runs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Consumer<EvaluationStatus>> watchers = new CopyOnWriteArrayList<>();
    /** what the watchers were last told: state, message, swaps, windows, simulated time. */
    private String lastNotified = "";

    Evaluation(String id, EvaluationRequest request, Path resultDir) {
        this.id = id;
        this.request = request;
        this.resultDir = resultDir;
        this.submitted = Instant.now();
        this.runsTotal = request.scenarios().size() * request.platforms().size() * request.schedulers().size()
                * request.seeds().size();
        this.scheduler = request.schedulers().get(0);
    }

    // ---------------------------------------------------------------- worker side

    /** A run starts under {@code c}; a pause asked for the evaluation carries over to it. */
    synchronized void runStarts(RunControl c, String runScheduler) {
        if (started == null) {
            started = Instant.now();
        }
        state = EvaluationState.RUNNING;
        control = c;
        scheduler = runScheduler;
        schedulers.add(runScheduler);
        if (pauseAsked) {
            c.pause();
        }
        if (cancelAsked) {
            c.cancel();
        }
    }

    /** A run ended: keeps its swaps, plugins and entry. */
    synchronized void runEnds(EvaluationRecord.RunEntry entry, Map<String, String> runPlugins) {
        runs.add(entry);
        if (control != null) {
            for (SchedulerSwap s : control.swaps()) {
                swaps.add(s);
                schedulers.add(s.toScheduler());
                plugin(s.toBundle(), s.toVersion());
            }
        }
        runPlugins.forEach(this::plugin);
        if (entry.state() == EvaluationState.FINISHED || entry.state() == EvaluationState.CANCELLED
                || entry.state() == EvaluationState.FAILED) {
            runsDone++;
        }
    }

    private void plugin(String bundle, String version) {
        if (!bundle.isEmpty()) {
            plugins.computeIfAbsent(bundle, b -> new LinkedHashSet<>()).add(version);
        }
    }

    /** A non-fatal problem (one line). */
    synchronized void warn(String line) {
        warnings.add(line);
    }

    /** The evaluation reached a final state (called once its folder is published: watchers may read it then). */
    synchronized void end(EvaluationState finalState, String why, Instant when) {
        state = finalState;
        message = why == null ? "" : why;
        ended = when;
        if (control != null) {
            lastProgress = control.progress();
            lastWindows = control.windows();
        }
        control = null;
    }

    private RunControl.Progress lastProgress;
    private List<RunControl.LiveWindow> lastWindows = List.of();

    /** @return true if a cancel was asked */
    synchronized boolean cancelAsked() {
        return cancelAsked;
    }

    // ---------------------------------------------------------------- user side

    /** @return the control of the run going on, or null between runs and before the first */
    synchronized RunControl control() {
        return control;
    }

    synchronized void askPause() {
        pauseAsked = true;
        if (control != null) {
            control.pause();
        }
    }

    synchronized void askResume() {
        pauseAsked = false;
        if (control != null) {
            control.resume();
        }
    }

    synchronized void askCancel() {
        cancelAsked = true;
        if (control != null) {
            control.cancel();
        }
    }

    /** @return the current state: the run's phase while one runs */
    synchronized EvaluationState state() {
        if (state != EvaluationState.RUNNING || control == null) {
            return state;
        }
        return switch (control.phase()) {
            case PAUSED -> EvaluationState.PAUSED;
            case WAITING_FOR_SCHEDULER -> EvaluationState.WAITING_FOR_SCHEDULER;
            default -> pauseAsked && control.phase() == RunControl.Phase.STARTING ? EvaluationState.PAUSED
                    : EvaluationState.RUNNING;
        };
    }

    /** @return a snapshot */
    synchronized EvaluationStatus status() {
        EvaluationState s = state();
        String msg = message;
        RunControl.Progress p = control != null ? control.progress() : lastProgress;
        List<RunControl.LiveWindow> ws = control != null ? control.windows() : lastWindows;
        List<SchedulerSwap> all = new ArrayList<>(swaps);
        String current = scheduler;
        if (control != null) {
            all.addAll(control.swaps());
            if (s == EvaluationState.WAITING_FOR_SCHEDULER) {
                msg = control.message();
            } else if (!control.swapError().isEmpty()) {
                msg = control.swapError();
            }
        }
        if (p != null) {
            current = p.scheduler();
        } else if (!all.isEmpty()) {
            current = all.get(all.size() - 1).toScheduler();
        }
        Map<String, Double> live = new LinkedHashMap<>();
        if (p != null) {
            live.put("xrbench.score", p.score());
            live.put("missRate", p.missRate());
            live.put("energy.mJ", p.energyMj());
            live.put("released", (double) p.released());
            live.put("onTime", (double) p.onTime());
            live.put("late", (double) p.late());
            live.put("dropped", (double) p.dropped());
        }
        List<EvaluationStatus.WindowPoint> points = new ArrayList<>(ws.size());
        for (RunControl.LiveWindow w : ws) {
            points.add(new EvaluationStatus.WindowPoint(w.startNs(), w.endNs(), w.scheduler(), w.released(),
                    w.missRate(), w.energyMj(), w.score()));
        }
        return new EvaluationStatus(id, request, s, msg, current, runsDone, runsTotal, p == null ? 0 : p.simulatedNs(),
                p == null ? 0 : p.horizonNs(), live, points, all, resultDir, submitted, ended);
    }

    /** @return the description written to {@code evaluation.json} now */
    synchronized EvaluationRecord record() {
        return record(state, message, ended);
    }

    /** @return the description with this final state, message and end time (the status does not change) */
    synchronized EvaluationRecord record(EvaluationState finalState, String why, Instant when) {
        Map<String, String> versions = new TreeMap<>();
        plugins.forEach((b, v) -> versions.put(b, String.join(", ", v)));
        return new EvaluationRecord(id, request, finalState, why, new ArrayList<>(schedulers), swaps, versions, runs,
                warnings, submitted, started, when);
    }

    // ---------------------------------------------------------------- watchers

    void addWatcher(Consumer<EvaluationStatus> w) {
        watchers.add(w);
    }

    void removeWatcher(Consumer<EvaluationStatus> w) {
        watchers.remove(w);
    }

    /**
     * Tells the watchers the current status if it changed since they were last told ({@code force}: even if not).
     * Called on the service's notifier thread only.
     */
    void notifyWatchers(boolean force) {
        EvaluationStatus s = status();
        String key = s.state() + "|" + s.message() + "|" + s.swaps().size() + "|" + s.windows().size() + "|"
                + s.simulatedNs() + "|" + s.runsDone() + "|" + s.live().get("released");
        synchronized (this) {
            if (!force && key.equals(lastNotified)) {
                return;
            }
            lastNotified = key;
        }
        for (Consumer<EvaluationStatus> w : watchers) {
            try {
                w.accept(s);
            } catch (RuntimeException e) {
                // a watcher's problem is its own (the contract says listener exceptions are ignored)
            }
        }
        if (s.state().isFinal()) {
            watchers.clear();
        }
    }
}
