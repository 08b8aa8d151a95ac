package org.rtmmlab.scheduler.dream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * DREAM's per-run state and decision loop. At every decision point:
 * <ol>
 *   <li>close the tuner's windows that ended (idle energy from the accelerators left idle at the previous point);</li>
 *   <li>count the requests released since the previous point (offered load, for change detection);</li>
 *   <li>supernet (if on): update the load signal and level; every job not started gets its model's variant at the
 *       level, or the largest smaller one that can still meet its deadline when the level's cannot
 *       ({@code selectVariant} before its first layer);</li>
 *   <li>admission control (if on): drop every waiting frame that cannot meet its deadline + tolerance;</li>
 *   <li>while an accelerator is idle and a job is ready: dispatch the best (job, accelerator) pair by
 *       {@link MapScore} (ties: earlier arrival, lower block latency, lower job id, lower accelerator index),
 *       {@code blockLayers} layers;</li>
 *   <li>ask for a wake-up at the end of the current window.</li>
 * </ol>
 * Steps 3-5 are the {@link DecisionPass} ({@link IncrementalPass}: the live jobs and their costs kept across calls,
 * issue 15). No allocation per decision once warm (a window's record is allocated when it closes).
 */
final class DreamScheduler implements Scheduler {

    private final DreamSettings settings;
    private final OnlineTuner tuner;
    private final SupernetSwitcher switcher;
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final double[] minFullEnergyPj;
    private final double[] idlePowerW;
    private final boolean[] idleAfter;
    private final boolean[] accTaken;
    private final long windowNs;
    private final SchedulerContext context;
    private final boolean enginePrefix;
    private final int indexDigits;
    private final WindowAccount current = new WindowAccount();
    private final WindowAccount pending = new WindowAccount();
    private final List<Integer> levels = new ArrayList<>();
    private int windowIndex;
    private long windowEndNs;
    private boolean wakeAsked;
    private boolean started;
    private long lastPointNs;
    private long maxSeenId = -1;
    private long drops;
    private final DecisionPass pass;

    /**
     * @param tune     run the online tuner (else the parameters stay as set; windows are still measured)
     * @param supernet switch variants by load
     */
    DreamScheduler(SchedulerContext context, DreamSettings settings, boolean tune, boolean supernet) {
        this(context, settings, tune, supernet,
                new IncrementalPass(settings, context.costs().acceleratorCount()));
    }

    /** @param pass the job part of each decision (tests hold {@link IncrementalPass} to a scan through this) */
    DreamScheduler(SchedulerContext context, DreamSettings settings, boolean tune, boolean supernet,
                   DecisionPass pass) {
        this.context = context;
        this.pass = pass;
        this.settings = settings;
        CostView costs = context.costs();
        int models = costs.modelCount();
        int accs = costs.acceleratorCount();
        minFullEnergyPj = new double[models];
        int maxLevel = 0;
        for (int m = 0; m < models; m++) {
            modelIndex.put(costs.model(m).id(), m);
            double e = Double.MAX_VALUE;
            for (int a = 0; a < accs; a++) {
                e = Math.min(e, costs.remainingEnergyPj(m, 0, 0, a));
            }
            minFullEnergyPj[m] = e;
            maxLevel = Math.max(maxLevel, costs.model(m).variantCount() - 1);
        }
        idlePowerW = new double[accs];
        for (int a = 0; a < accs; a++) {
            idlePowerW[a] = costs.accelerator(a).idlePowerW();
        }
        idleAfter = new boolean[accs];
        Arrays.fill(idleAfter, true);
        accTaken = new boolean[accs];
        tuner = new OnlineTuner(settings, tune);
        switcher = supernet ? new SupernetSwitcher(maxLevel, accs, settings.loadHigh(), settings.loadLow(),
                settings.loadTauNs(), settings.dwellNs()) : null;
        long engineWindow = context.windowNs();
        windowNs = settings.tunerWindowNs() > 0 ? settings.tunerWindowNs()
                : engineWindow > 0 ? engineWindow : 1_000_000_000L;
        enginePrefix = windowNs == engineWindow;
        long last = context.horizonNs() > 0 ? (context.horizonNs() - 1) / windowNs : 0;
        indexDigits = Long.toString(Math.max(0, last)).length();
        windowEndNs = windowNs;
    }

    /** @return the tuner (for tests) */
    OnlineTuner tuner() {
        return tuner;
    }

    /** @return the supernet switcher, or null when off (for tests) */
    SupernetSwitcher switcher() {
        return switcher;
    }

    @Override
    public void decide(SchedulerView v, Decisions d) {
        long now = v.now();
        if (!started) { // at 0, or later when it takes over a running evaluation: windows start where it does
            started = true;
            windowIndex = (int) (now / windowNs);
            windowEndNs = (windowIndex + 1L) * windowNs;
            lastPointNs = now;
        }
        advanceTo(now);
        if (switcher != null) {
            switcher.decayTo(now);
        }
        countReleases(v, v.jobCount());
        int level = switcher != null ? switcher.update(now) : -1;
        Arrays.fill(accTaken, false);
        drops += pass.decide(v, d, level, tuner.value(OnlineTuner.ALPHA), tuner.value(OnlineTuner.BETA),
                tuner.value(OnlineTuner.TOLERANCE), accTaken);
        for (int a = 0; a < idleAfter.length; a++) {
            idleAfter[a] = !accTaken[a] && v.idle(a);
        }
        lastPointNs = now;
        if (!wakeAsked && windowEndNs > now) {
            d.wakeAt(windowEndNs);
            wakeAsked = true;
        }
    }

    /** Books idle energy up to {@code now} and closes every window that ended. */
    private void advanceTo(long now) {
        while (now >= windowEndNs) {
            bookIdle(windowEndNs);
            tuner.closeWindow(windowIndex, current, current.offeredNs / ((double) windowNs * idlePowerW.length));
            levels.add(switcher == null ? 0 : switcher.level());
            current.clear();
            current.takeFrom(pending);
            windowIndex++;
            windowEndNs += windowNs;
            wakeAsked = false;
        }
        bookIdle(now);
    }

    private void bookIdle(long until) {
        long span = until - lastPointNs;
        if (span > 0) {
            for (int a = 0; a < idleAfter.length; a++) {
                if (idleAfter[a]) {
                    current.energyPj += idlePowerW[a] * span * 1e3; // W x ns = 1e-9 J = 1e3 pJ
                }
            }
            lastPointNs = until;
        }
    }

    /** Jobs are in release order and request ids grow with it: the new ones are at the end. */
    private void countReleases(SchedulerView v, int n) {
        long top = maxSeenId;
        for (int j = n - 1; j >= 0 && v.jobId(j) > maxSeenId; j--) {
            int m = v.jobModel(j);
            current.offeredNs += v.remainingLatencyFastestNs(m, 0, 0);
            current.released++;
            if (switcher != null) {
                int variants = v.model(m).variantCount();
                for (int l = 0; l <= switcher.maxLevel(); l++) {
                    switcher.released(l, v.remainingLatencyFastestNs(m, SupernetSwitcher.variantAt(l, variants), 0));
                }
            }
            top = Math.max(top, v.jobId(j));
        }
        maxSeenId = top;
    }

    @Override
    public void observe(RequestRecord r) {
        if (r.outcome() == Outcome.IN_FLIGHT) {
            return;
        }
        Integer m = modelIndex.get(r.model());
        double ref = m == null ? 0 : minFullEnergyPj[m];
        WindowAccount into = r.finishNs() < windowEndNs ? current : pending;
        into.addEnded(r.energyPj(), ref, r.outcome() == Outcome.LATE, r.outcome() == Outcome.DROPPED);
    }

    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> out = new TreeMap<>();
        List<OnlineTuner.Window> windows = tuner.windows();
        for (int i = 0; i < windows.size(); i++) {
            OnlineTuner.Window w = windows.get(i);
            String p = prefix(w.index());
            for (int k = 0; k < OnlineTuner.NAMES.length; k++) {
                out.put(p + OnlineTuner.NAMES[k], w.values()[k]);
            }
            if (!Double.isNaN(w.uxcost())) {
                out.put(p + "uxcost", w.uxcost());
            }
            out.put(p + "offeredLoad", w.offeredLoad());
            out.put(p + "restart", w.restart() ? 1.0 : 0.0);
            out.put(p + "converged", w.converged() ? 1.0 : 0.0);
            out.put(p + "level", (double) levels.get(i));
        }
        out.put("dream.drops", (double) drops);
        out.put("dream.restarts", (double) tuner.restarts());
        out.put("dream.levelChanges", switcher == null ? 0.0 : switcher.changes());
        for (int k = 0; k < OnlineTuner.NAMES.length; k++) {
            out.put("dream." + OnlineTuner.NAMES[k], tuner.value(k));
        }
        return out;
    }

    /** @return {@code window.<i>.dream.} on the engine's windows, else {@code dream.window.<i>.} */
    private String prefix(int window) {
        if (enginePrefix) {
            return context.windowPrefix(window) + "dream.";
        }
        String digits = Integer.toString(window);
        return "dream.window." + "0".repeat(Math.max(0, indexDigits - digits.length())) + digits + ".";
    }
}
