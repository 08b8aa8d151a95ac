package org.rtmmlab.scheduler.planaria;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.dispatch.JobIndex;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The unfinished jobs of a run in Planaria's score order ({@link Allocation}: jobs with a feasible option first by
 * score, then the others by |score|; ties by earlier deadline, then lower job id), kept across re-allocations so that
 * one costs O(feasible jobs + log backlog) instead of a score per job (issue 15). Handed out one at a time
 * ({@link #next}) between {@link #begin} and {@link #settle}.
 *
 * <p>Why the order of the late jobs can be kept: a job's options are fixed while its next layer is (the remaining
 * latency of each option depends on the job's model, variant and next layer, never on the clock), so its smallest
 * remaining time {@code minNs} is too, and it has a feasible option exactly while {@code now <= deadline - minNs}.
 * Once the clock has passed that threshold the job stays infeasible, and its score, -priority / fastest
 * whole-accelerator remaining time, no longer depends on the clock: such "late" jobs sit in a heap by score order
 * ({@code late}). Jobs still before their threshold ("feasible") have clock-dependent scores (priority / (slack x
 * PEs of the smallest option that fits)): they are re-scored exactly at every re-allocation and ordered in a heap
 * built for it ({@code candidates}); a heap by threshold ({@code feasible}) moves them to the late heap as the clock
 * passes their thresholds. {@link #next} merges the two heaps by the same comparison, so it hands out exactly the
 * order of a sort of every job.
 *
 * <p>What the incremental bookkeeping relies on, all true of the engine's view: a job's next layer (and variant)
 * changes only when the scheduler dispatches it (Planaria never restarts jobs nor picks variants), and Planaria
 * dispatches only jobs granted by the current allocation, so the jobs granted since their keys were computed are
 * "dirty" and re-scored exactly at each re-allocation until they are seen neither running nor granted; jobs only
 * leave the view (finished or dropped: found out lazily, by id) or are appended (ids increasing in release order:
 * the new ones are the tail with ids above the largest seen); the clock never goes back. A view whose ids do not
 * increase, a different view object, a clock that went back, or too many entries of jobs gone rebuild the order
 * from the whole view, which gives the same order.
 */
final class Backlog {

    private static final byte FREE = 0;
    /** In {@link #feasible} (before its threshold; re-scored at each re-allocation). */
    private static final byte FEASIBLE = 1;
    /** In {@link #late}, or taken out of it by the re-allocation in progress. */
    private static final byte LATE = 2;
    /** Granted or running since last keyed: in {@link #dirty}, re-scored from the view at each re-allocation. */
    private static final byte DIRTY = 3;

    // entries, one slot per unfinished job known
    private long[] id = new long[16];
    private int[] hint = new int[16];
    private long[] deadline = new long[16];
    private long[] minNs = new long[16];
    private double[] lateScore = new double[16];
    /** The score of the job in the current re-allocation. */
    private double[] score = new double[16];
    private byte[] state = new byte[16];
    // what the score reads, cached when the job is keyed (valid while its next layer and variant are those keyed)
    private int[] priority = new int[16];
    private int[] keyedLayer = new int[16];
    private int[] keyedVariant = new int[16];
    /** Remaining latency on each whole accelerator: slot {@code s}, accelerator {@code a} at {@code s x accs + a}. */
    private long[] whole = new long[0];
    // the view's accelerators (fixed for a view object)
    private int accs;
    private int[] parts = new int[0];
    private int[] pes = new int[0];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int used;

    /** Feasible jobs by threshold (deadline - minNs): the first one is the next to become late. */
    private final SlotHeap feasible = new SlotHeap(this::earlierThreshold);
    /** Late jobs in score order. */
    private final SlotHeap late = new SlotHeap(this::before);
    /** Feasible and dirty jobs of the current re-allocation in score order. */
    private final SlotHeap candidates = new SlotHeap(this::before);
    private int[] dirty = new int[16];
    private int dirtyCount;
    /** The slots handed out by {@link #next} in this re-allocation, in order, and whether each was granted. */
    private int[] taken = new int[16];
    private boolean[] granted = new boolean[16];
    private int takenCount;
    private int[] scratch = new int[16];

    private SchedulerView lastView;
    private boolean incremental;
    private boolean rebuildEveryCall;
    private long maxId;
    private long lastNow;
    private SchedulerView view;
    private double lastTakenScore;

    /**
     * Rebuilds the order from the whole view at every re-allocation: the order of a sort of every job, at a scan's
     * cost; the reference the tests hold the incremental order to.
     *
     * @return this
     */
    Backlog rebuildEveryCall() {
        rebuildEveryCall = true;
        return this;
    }

    /** Brings the order up to date with {@code view} at {@code view.now()}, at the start of a re-allocation. */
    void begin(SchedulerView view) {
        this.view = view;
        takenCount = 0;
        candidates.clear();
        long now = view.now();
        if (!incremental || view != lastView || rebuildEveryCall || now < lastNow
                || used - freeCount > 2 * view.jobCount() + 64) {
            rebuild(view);
        } else {
            refreshDirty(view);
            appendNew(view);
        }
        lastNow = now;
        while (feasible.size() > 0 && minNs[feasible.peek()] > deadline[feasible.peek()] - now) {
            int s = feasible.pop();
            state[s] = LATE;
            score[s] = lateScore[s];
            late.push(s);
        }
        // re-score the feasible and dirty jobs at this time; forget those that left the view
        int gone = 0;
        for (int i = 0; i < feasible.size(); i++) {
            int s = feasible.at(i);
            int j = find(view, s);
            if (j < 0) {
                scratch = grow(scratch, gone);
                scratch[gone++] = s;
            } else {
                score[s] = cachedScore(s, now);
                candidates.addUnordered(s);
            }
        }
        for (int i = 0; i < gone; i++) {
            feasible.remove(scratch[i]);
            release(scratch[i]);
        }
        for (int i = 0; i < dirtyCount; i++) {
            int s = dirty[i];
            cache(view, find(view, s), s);
            score[s] = cachedScore(s, now);
            candidates.addUnordered(s);
        }
        candidates.heapify();
    }

    /** @return true when no job is left */
    boolean isEmpty() {
        return candidates.size() == 0 && firstLate() < 0;
    }

    /** @return true when the next job has a feasible option (a non-negative score) */
    boolean hasFeasible() {
        int s = peek();
        return s >= 0 && score[s] >= 0;
    }

    /** @return the view index of the next job in score order, handed out (the order must not be empty) */
    int next() {
        int s = peek();
        if (candidates.size() > 0 && candidates.peek() == s) {
            candidates.pop();
        } else {
            late.pop(); // stays LATE: back in the heap at settle() unless granted
        }
        taken = grow(taken, takenCount);
        if (granted.length < taken.length) {
            granted = Arrays.copyOf(granted, taken.length);
        }
        taken[takenCount] = s;
        granted[takenCount++] = false;
        lastTakenScore = score[s];
        return hint[s];
    }

    /** @return the score of the job last handed out, as the order computed it */
    double lastScore() {
        return lastTakenScore;
    }

    /** The {@code i}-th job handed out in this re-allocation got a grant (it may be dispatched until the next). */
    void granted(int i) {
        granted[i] = true;
    }

    /**
     * Ends a re-allocation: granted jobs become dirty (they may run before the next one); late jobs handed out
     * without a grant go back to their heap.
     */
    void settle() {
        for (int i = 0; i < takenCount; i++) {
            int s = taken[i];
            if (granted[i]) {
                if (state[s] == FEASIBLE) {
                    feasible.remove(s);
                }
                if (state[s] != DIRTY) {
                    state[s] = DIRTY;
                    dirty = grow(dirty, dirtyCount);
                    dirty[dirtyCount++] = s;
                }
            } else if (state[s] == LATE) {
                late.push(s);
            }
        }
        takenCount = 0;
        view = null;
    }

    /** @return the first slot of the merged order, or -1 */
    private int peek() {
        int l = firstLate();
        if (candidates.size() == 0) {
            return l;
        }
        int c = candidates.peek();
        return l < 0 || before(c, l) ? c : l;
    }

    /** @return the first late slot whose job is still in the view (dropping the others), or -1 */
    private int firstLate() {
        while (late.size() > 0) {
            int s = late.peek();
            if (find(view, s) >= 0) {
                return s;
            }
            late.pop();
            release(s);
        }
        return -1;
    }

    private void rebuild(SchedulerView view) {
        lastView = view;
        accs = view.acceleratorCount();
        if (parts.length != accs) {
            parts = new int[accs];
            pes = new int[accs];
        }
        for (int a = 0; a < accs; a++) {
            parts[a] = view.accelerator(a).partitions();
            pes[a] = view.accelerator(a).peCount();
        }
        if (whole.length != id.length * accs) {
            whole = new long[id.length * accs];
        }
        feasible.clear();
        late.clear();
        dirtyCount = 0;
        used = 0;
        freeCount = 0;
        incremental = true;
        maxId = Long.MIN_VALUE;
        int n = view.jobCount();
        for (int j = 0; j < n; j++) {
            long jobId = view.jobId(j);
            if (j > 0 && jobId <= maxId) {
                incremental = false; // indices valid within this re-allocation only
            }
            maxId = Math.max(maxId, jobId);
            enter(view, j);
        }
    }

    /** Dirty jobs: forgotten when gone or finished, kept dirty while running, else keyed again. */
    private void refreshDirty(SchedulerView view) {
        int still = 0;
        for (int i = 0; i < dirtyCount; i++) {
            int s = dirty[i];
            int j = find(view, s);
            if (j < 0 || view.nextLayer(j) >= view.layerCount(j)) {
                release(s);
            } else if (view.runningOn(j) >= 0) {
                dirty[still++] = s;
            } else {
                key(view, j, s);
            }
        }
        dirtyCount = still;
    }

    /** Enters the jobs released since the last re-allocation: the tail of the view with ids above the largest seen. */
    private void appendNew(SchedulerView view) {
        int n = view.jobCount();
        int first = JobIndex.firstAfter(view, maxId);
        for (int j = first; j < n; j++) {
            if (j > first && view.jobId(j) <= view.jobId(j - 1)) {
                rebuild(view); // ids not increasing: not a view this bookkeeping understands
                return;
            }
            enter(view, j);
        }
        if (n > first) {
            maxId = view.jobId(n - 1);
        }
    }

    private void enter(SchedulerView view, int j) {
        if (view.nextLayer(j) >= view.layerCount(j)) {
            return; // nothing left to run: not in the order (it cannot change without being dispatched)
        }
        int s = alloc();
        id[s] = view.jobId(j);
        hint[s] = j;
        keyedLayer[s] = -1; // nothing cached
        if (view.runningOn(j) >= 0) {
            state[s] = DIRTY;
            dirty = grow(dirty, dirtyCount);
            dirty[dirtyCount++] = s;
        } else {
            key(view, j, s);
        }
    }

    /** Computes job {@code j}'s clock-independent keys and puts it in the feasible or the late heap. */
    private void key(SchedulerView view, int j, int s) {
        cache(view, j, s);
        long min = Long.MAX_VALUE;
        long fastest = Long.MAX_VALUE;
        for (int a = 0; a < accs; a++) {
            int p = parts[a];
            long w = whole[s * accs + a];
            for (int k = 1; k <= p; k++) {
                long ns = remainingNs(w, p, k);
                min = Math.min(min, ns);
                if (k == p && ns < fastest) {
                    fastest = ns;
                }
            }
        }
        minNs[s] = min;
        lateScore[s] = -(double) priority[s] / Math.max(1, fastest);
        if (min <= deadline[s] - view.now()) {
            state[s] = FEASIBLE;
            feasible.push(s);
        } else {
            state[s] = LATE;
            score[s] = lateScore[s];
            late.push(s);
        }
    }

    /** Caches what job {@code j}'s score reads, unless cached for its next layer and variant already. */
    private void cache(SchedulerView view, int j, int s) {
        int layer = view.nextLayer(j);
        int variant = view.jobVariant(j);
        if (keyedLayer[s] == layer && keyedVariant[s] == variant) {
            return;
        }
        keyedLayer[s] = layer;
        keyedVariant[s] = variant;
        deadline[s] = view.deadlineNs(j);
        priority[s] = view.jobPriority(j);
        int model = view.jobModel(j);
        for (int a = 0; a < accs; a++) {
            whole[s * accs + a] = view.remainingLatencyNs(model, variant, layer, a);
        }
    }

    /**
     * @return Planaria's score of slot {@code s}'s job at {@code now}, from what {@link #cache} keeps: priority /
     * (slack x PEs of the min-feasible option), the min-feasible option being the one with the fewest PEs (then the
     * shorter remaining time, then the lower accelerator index) whose remaining time fits the slack; -priority /
     * fastest whole-accelerator remaining time when none fits
     */
    private double cachedScore(int s, long now) {
        long slack = deadline[s] - now;
        double bestPes = Double.NaN;
        long bestNs = 0;
        long fastestNs = Long.MAX_VALUE;
        for (int a = 0; a < accs; a++) {
            int p = parts[a];
            long w = whole[s * accs + a];
            for (int k = 1; k <= p; k++) {
                long ns = remainingNs(w, p, k);
                if (ns <= slack) {
                    double optionPes = (double) pes[a] * k / p;
                    // options come in ascending accelerator order, so a tie on PEs and time keeps the earlier one
                    int c = Double.isNaN(bestPes) ? -1 : Double.compare(optionPes, bestPes);
                    if (c < 0 || c == 0 && ns < bestNs) {
                        bestPes = optionPes;
                        bestNs = ns;
                    }
                }
                if (k == p && ns < fastestNs) {
                    fastestNs = ns;
                }
            }
        }
        double prio = priority[s];
        return Double.isNaN(bestPes) ? -prio / Math.max(1, fastestNs)
                : prio / ((double) Math.max(1, slack) * bestPes);
    }

    /** @return the view index of entry {@code s}'s job, or -1 if it left the view */
    private int find(SchedulerView view, int s) {
        int j = incremental ? JobIndex.find(view, id[s], hint[s]) : JobIndex.atHint(view, id[s], hint[s]);
        if (j >= 0) {
            hint[s] = j;
        }
        return j;
    }

    /** @return true if slot {@code a} comes before slot {@code b} in score order (a total order: ids are unique) */
    private boolean before(int a, int b) {
        double sa = score[a];
        double sb = score[b];
        int c = Integer.compare(sa >= 0 ? 0 : 1, sb >= 0 ? 0 : 1);
        if (c == 0) {
            c = Double.compare(-Math.abs(sa), -Math.abs(sb));
        }
        if (c == 0) {
            c = Long.compare(deadline[a], deadline[b]);
        }
        if (c == 0) {
            c = Long.compare(id[a], id[b]);
        }
        return c < 0;
    }

    private boolean earlierThreshold(int a, int b) {
        long ta = deadline[a] - minNs[a];
        long tb = deadline[b] - minNs[b];
        return ta != tb ? ta < tb : id[a] < id[b];
    }

    /** @return the remaining time on {@code k} of {@code parts} partitions, given the whole-accelerator time */
    static long remainingNs(long whole, int parts, int k) {
        return k == parts ? whole : (long) Math.ceil(whole * (double) parts / k);
    }

    private int alloc() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (used == id.length) {
            int n = used * 2;
            id = Arrays.copyOf(id, n);
            hint = Arrays.copyOf(hint, n);
            deadline = Arrays.copyOf(deadline, n);
            minNs = Arrays.copyOf(minNs, n);
            lateScore = Arrays.copyOf(lateScore, n);
            score = Arrays.copyOf(score, n);
            state = Arrays.copyOf(state, n);
            priority = Arrays.copyOf(priority, n);
            keyedLayer = Arrays.copyOf(keyedLayer, n);
            keyedVariant = Arrays.copyOf(keyedVariant, n);
            whole = Arrays.copyOf(whole, n * accs);
        }
        return used++;
    }

    private void release(int s) {
        state[s] = FREE;
        freeSlots = grow(freeSlots, freeCount);
        freeSlots[freeCount++] = s;
    }

    private static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, Math.max(16, 2 * a.length));
    }
}
