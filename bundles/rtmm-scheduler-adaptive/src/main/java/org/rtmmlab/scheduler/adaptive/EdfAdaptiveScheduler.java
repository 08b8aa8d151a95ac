package org.rtmmlab.scheduler.adaptive;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.rtmmlab.api.scheduler.dispatch.JobIndex;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;
import org.rtmmlab.api.scheduler.dispatch.JobOrder;

/**
 * Per-run state of {@link EdfAdaptivePolicy}: the current variant of each model, and what keeps a decision from
 * scanning the backlog (issue 15): the queue length of each model counted as jobs arrive (the view's new tail) and
 * end ({@link #observe}); per model, the ids of its jobs not yet started, visited only when the model's variant
 * changes; the ready jobs in EDF order in a {@link JobOrder}. Below {@link #SCAN_BELOW} jobs one pass over the view
 * is cheaper and is what it does (the kept state is rebuilt from the view when the backlog grows again).
 * Allocation-free once its arrays have grown.
 *
 * <p>What the kept state relies on, as {@link JobOrder} does: the view lists jobs in release order with increasing
 * ids, jobs only leave (each with an {@link #observe} call) or are appended between calls, and a job leaves "not yet
 * started" only by a dispatch. A variant once selected for a job is taken as applied (the engine applies decisions
 * at once); the job gets a new selection when its model's variant changes again. A view that breaks this (ids not
 * increasing, another view object, or queue counts that no longer add up to the job count) is read again whole.
 */
final class EdfAdaptiveScheduler implements Scheduler, JobOrder.Keys {

    /** Below this many jobs one pass over the view is cheaper than the kept state. */
    static final int SCAN_BELOW = 32;

    private final int downQueue;
    private final int upQueue;
    private final int blockLayers;
    private final int[] level;
    /** Per model: its released, unfinished jobs (waiting or running). */
    private final int[] queued;
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final JobOrder order = new JobOrder(this);
    /** Per model: ids of its jobs not started when last looked at, ascending; stale entries pruned when visited. */
    private final long[][] unstarted;
    private final int[] unstartedCount;
    private final boolean[] changed;
    private boolean[] accTaken = new boolean[0];
    private boolean[] jobTaken = new boolean[0];
    /** True while {@link #queued} and {@link #unstarted} hold every job of {@link #lastView} up to {@link #maxId}. */
    private boolean kept;
    private SchedulerView lastView;
    private long maxId;
    private boolean forceKept;

    EdfAdaptiveScheduler(CostView costs, int downQueue, int upQueue, int blockLayers) {
        int models = costs.modelCount();
        this.downQueue = downQueue;
        this.upQueue = upQueue;
        this.blockLayers = blockLayers;
        this.level = new int[models];
        this.queued = new int[models];
        this.unstarted = new long[models][16];
        this.unstartedCount = new int[models];
        this.changed = new boolean[models];
        for (int m = 0; m < models; m++) {
            modelIndex.put(costs.model(m).id(), m);
        }
    }

    /** @return the variant model {@code m} currently runs (for tests) */
    int level(int m) {
        return level[m];
    }

    /** Tests: the kept state at every backlog size (no scan below {@link #SCAN_BELOW}). */
    EdfAdaptiveScheduler alwaysKept() {
        forceKept = true;
        return this;
    }

    @Override
    public void decide(SchedulerView v, Decisions d) {
        if (v.jobCount() < SCAN_BELOW && !forceKept) {
            kept = false;
            order.forget();
            countByScan(v);
            step(v);
            selectByScan(v, d);
            dispatchByScan(v, d);
            return;
        }
        int firstNew = kept && v == lastView ? takeNewJobs(v) : -1;
        boolean whole = firstNew < 0 || !countsAddUp(v);
        if (whole) {
            readWhole(v);
        }
        int changes = step(v);
        if (whole) {
            selectByScan(v, d);
        } else {
            if (changes > 0) {
                selectChanged(v, d);
            }
            for (int j = firstNew; j < v.jobCount(); j++) {
                if (!changed[v.jobModel(j)]) { // a changed model's new jobs are in its list
                    select(v, d, j);
                }
            }
        }
        dispatchKept(v, d);
    }

    /**
     * Steps each model's variant by its queue length (one step per decision point).
     *
     * @return how many models changed variant
     */
    private int step(SchedulerView v) {
        int changes = 0;
        for (int m = 0; m < level.length; m++) {
            int last = v.model(m).variantCount() - 1;
            int before = level[m];
            if (queued[m] >= downQueue && level[m] < last) {
                level[m]++;
            } else if (queued[m] <= upQueue && level[m] > 0) {
                level[m]--;
            }
            changed[m] = level[m] != before;
            if (changed[m]) {
                changes++;
            }
        }
        return changes;
    }

    private void countByScan(SchedulerView v) {
        Arrays.fill(queued, 0);
        for (int j = 0; j < v.jobCount(); j++) {
            queued[v.jobModel(j)]++; // every released, unfinished job: waiting or running
        }
    }

    /** Every job not yet started runs its model's current variant. */
    private void selectByScan(SchedulerView v, Decisions d) {
        for (int j = 0; j < v.jobCount(); j++) {
            select(v, d, j);
        }
    }

    private void select(SchedulerView v, Decisions d, int j) {
        int m = v.jobModel(j);
        if (notStarted(v, j) && v.jobVariant(j) != level[m]) {
            d.selectVariant(j, level[m]);
        }
    }

    private static boolean notStarted(SchedulerView v, int j) {
        return v.nextLayer(j) == 0 && v.runningOn(j) < 0;
    }

    /** Reads the queue counts and the jobs not yet started from the whole view. */
    private void readWhole(SchedulerView v) {
        countByScan(v);
        Arrays.fill(unstartedCount, 0);
        int n = v.jobCount();
        kept = true;
        lastView = v;
        maxId = Long.MIN_VALUE;
        for (int j = 0; j < n; j++) {
            if (j > 0 && v.jobId(j) <= v.jobId(j - 1)) {
                kept = false; // not a view this bookkeeping understands: read whole at every call
            }
            if (notStarted(v, j)) {
                addUnstarted(v.jobModel(j), v.jobId(j));
            }
            maxId = Math.max(maxId, v.jobId(j));
        }
    }

    /**
     * Counts the jobs released since the last call (the tail of ids above {@link #maxId}) and lists those not started.
     *
     * @return the view index of the first of them, or -1 if the view's ids do not increase (nothing taken)
     */
    private int takeNewJobs(SchedulerView v) {
        int n = v.jobCount();
        int first = JobIndex.firstAfter(v, maxId);
        for (int j = first + 1; j < n; j++) {
            if (v.jobId(j) <= v.jobId(j - 1)) {
                return -1;
            }
        }
        for (int j = first; j < n; j++) {
            int m = v.jobModel(j);
            queued[m]++;
            if (notStarted(v, j)) {
                addUnstarted(m, v.jobId(j));
            }
        }
        if (n > first) {
            maxId = v.jobId(n - 1);
        }
        return first;
    }

    private boolean countsAddUp(SchedulerView v) {
        long sum = 0;
        for (int q : queued) {
            sum += q;
        }
        return sum == v.jobCount();
    }

    @Override
    public void observe(RequestRecord record) {
        if (kept && record.requestId() <= maxId) { // counted when it came in (a job ended unseen never was)
            Integer m = modelIndex.get(record.model());
            if (m != null) {
                queued[m]--;
            }
        }
    }

    private void addUnstarted(int m, long id) {
        if (unstartedCount[m] == unstarted[m].length) {
            unstarted[m] = Arrays.copyOf(unstarted[m], unstartedCount[m] * 2);
        }
        unstarted[m][unstartedCount[m]++] = id;
        if (unstartedCount[m] > 2 * queued[m] + 16) {
            prune(null, m); // amortised: at least queued + 16 ids came in since the last pruning
        }
    }

    /**
     * Selects the new variant for the jobs not yet started of the models that changed variant in this call, and
     * drops from those models' lists the jobs that started or ended. (The selections are made model by model, not in
     * view order: they are independent of one another.)
     */
    private void selectChanged(SchedulerView v, Decisions d) {
        for (int m = 0; m < level.length; m++) {
            if (changed[m]) {
                prune(v, m, d);
            }
        }
    }

    private void prune(SchedulerView v, int m) {
        prune(v == null ? lastView : v, m, null);
    }

    /** Keeps in model {@code m}'s list the jobs still in the view and not started; selects their variant if asked. */
    private void prune(SchedulerView v, int m, Decisions d) {
        long[] ids = unstarted[m];
        int live = 0;
        for (int i = 0; i < unstartedCount[m]; i++) {
            int j = indexOf(v, ids[i]);
            if (j >= 0 && notStarted(v, j)) {
                ids[live++] = ids[i];
                if (d != null) {
                    select(v, d, j);
                }
            }
        }
        unstartedCount[m] = live;
    }

    /** @return the view index of job {@code id}, or -1 if it left (ids increase along the view) */
    private static int indexOf(SchedulerView v, long id) {
        int lo = 0;
        int hi = v.jobCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = v.jobId(mid);
            if (m < id) {
                lo = mid + 1;
            } else if (m > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    // EDF dispatch

    @Override
    public long key1(SchedulerView view, int j) {
        return view.deadlineNs(j);
    }

    @Override
    public long key2(SchedulerView view, int j) {
        return 0;
    }

    @Override
    public int queue(SchedulerView view, int j) {
        return 0;
    }

    @Override
    public int queueCount(SchedulerView view) {
        return 1;
    }

    /** EDF from the kept order: earliest-deadline ready job onto the fastest idle accelerator, while one is idle. */
    private void dispatchKept(SchedulerView v, Decisions d) {
        order.begin(v);
        accTaken = cleared(accTaken, v.acceleratorCount());
        while (true) {
            int best = order.first(v, 0);
            if (best < 0) {
                return;
            }
            int layers = layers(v, best);
            int acc = fastestIdle(v, accTaken, best, layers);
            if (acc < 0) {
                order.putBack();
                return;
            }
            d.dispatch(best, acc, layers);
            accTaken[acc] = true; // a view that does not update within the call (a snapshot) still sees it idle
            order.park();
        }
    }

    /** The same choices as {@link #dispatchKept} by scans of the view: cheaper for a few jobs. */
    private void dispatchByScan(SchedulerView v, Decisions d) {
        int n = v.jobCount();
        jobTaken = cleared(jobTaken, n);
        accTaken = cleared(accTaken, v.acceleratorCount());
        while (true) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (v.ready(j) && !jobTaken[j] && (best < 0 || precedes(v, j, best))) {
                    best = j;
                }
            }
            if (best < 0) {
                return;
            }
            int layers = layers(v, best);
            int acc = fastestIdle(v, accTaken, best, layers);
            if (acc < 0) {
                return;
            }
            d.dispatch(best, acc, layers);
            accTaken[acc] = true;
            jobTaken[best] = true; // a view that does not update within the call (a snapshot) still sees it ready
        }
    }

    private int layers(SchedulerView v, int j) {
        int remaining = v.layerCount(j) - v.nextLayer(j);
        return blockLayers == 0 ? remaining : Math.min(blockLayers, remaining);
    }

    private static boolean[] cleared(boolean[] marks, int size) {
        if (marks.length < size) {
            return new boolean[Math.max(size, 2 * marks.length)];
        }
        Arrays.fill(marks, 0, size, false);
        return marks;
    }

    /** @return the idle accelerator that runs job {@code j}'s next block fastest (ties: lower energy, lower index) */
    private static int fastestIdle(SchedulerView v, boolean[] taken, int j, int layers) {
        return AcceleratorChoice.fastestIdle(v, taken, v.jobModel(j), v.jobVariant(j), v.nextLayer(j), layers, true);
    }

    private static boolean precedes(SchedulerView v, int j, int k) {
        if (v.deadlineNs(j) != v.deadlineNs(k)) {
            return v.deadlineNs(j) < v.deadlineNs(k);
        }
        if (v.arrivalNs(j) != v.arrivalNs(k)) {
            return v.arrivalNs(j) < v.arrivalNs(k);
        }
        return v.jobId(j) < v.jobId(k);
    }
}
