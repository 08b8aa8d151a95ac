package org.rtmmlab.scheduler.dream;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.dispatch.JobIndex;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * DREAM's job part of a decision at a cost that does not grow with the backlog of dropped work (issue 15). It keeps,
 * across calls, the waiting jobs it has not dropped ("live", in release order) with every cost the score reads
 * (remaining latency on the best accelerator and on each one, next layer's latency, next block's latency and energy,
 * the cheapest block energy) computed once when the job enters or changes, and the jobs running a block ("parked",
 * read again when they wait again).
 *
 * <p>What it relies on, all true of the engine's view (as {@code JobOrder} states it): jobs are in release order and
 * their ids grow with it, so the jobs released since the last call are the tail above the largest id seen and a job
 * is found again by its id; between calls jobs only leave or are appended; a waiting job's model, variant, next layer,
 * last run and deadline change only when it runs a block (or when this scheduler selects its variant, after which it
 * is read again). A job this pass drops leaves the view, so it is forgotten; a job it dispatches is parked. A view
 * whose ids do not grow, or another view object than the last, is read whole at every call (the scan's decisions).
 *
 * <p>The time-dependent rules keep their exact form and are evaluated per live job: admission control, urgency,
 * fairness and the late test. Only the drop test decides how many jobs stay live, and it drops every frame that
 * cannot meet its deadline (+ tolerance) even alone, so the live jobs are at most those released within about one
 * relative deadline (x (1 + tolerance)): a backlog of hopeless frames costs one drop each, once. With {@code drop=false}
 * the live set is the whole backlog and the cost per call is a scan of it (of cached values).
 *
 * <p>Supernet variants: a not-started job keeps the variant chosen at its last evaluation while the level's variant and
 * the tolerance are unchanged and its variant still passes the drop test; the variants before it failed the test then
 * and still fail (the test is monotone in time: {@code now + R > limit} only becomes true), so
 * {@link AdmissionControl#feasibleVariant} would return the same variant and is not called again.
 *
 * <p>Decisions, their order (variants, then drops, then dispatches, each in release order) and the tie-breaks are
 * those of the scan over the whole view (the package-private reference of this bundle's tests). No allocation per
 * call once the arrays have grown.
 */
final class IncrementalPass implements DecisionPass {

    private final DreamSettings settings;
    private final int accs;

    // per slot: the job's values read when it entered or last changed
    private long[] id = new long[0];
    private int[] hint = new int[0];
    private int[] model = new int[0];
    private int[] variant = new int[0];
    private int[] variants = new int[0];
    private int[] next = new int[0];
    private int[] block = new int[0];
    private int[] lastAcc = new int[0];
    private long[] arrival = new long[0];
    private long[] deadline = new long[0];
    private long[] lastEnd = new long[0];
    private long[] remaining = new long[0];
    private double[] minEnergy = new double[0];
    private long[] minLayerNs = new long[0];
    /** Supernet: the level's variant, the tolerance and the variant of the last evaluation; target -1 = none. */
    private int[] evalTarget = new int[0];
    private double[] evalTolerance = new double[0];
    private int[] evalChosen = new int[0];
    // per slot x accelerator
    private long[] layerNs = new long[0];
    private long[] blockNs = new long[0];
    private double[] blockPj = new double[0];
    private long[] remainingOnNs = new long[0];

    private int[] free = new int[16];
    private int freeCount;
    private int used;

    /** Waiting jobs not dropped, in release order (ascending id). */
    private int[] live = new int[16];
    private int liveCount;
    /** Jobs running a block, or dispatched by this pass: read again when they wait. */
    private int[] parked = new int[16];
    private int parkedCount;
    /** Scratch: parked jobs waiting again, and the merge target of the live list. */
    private int[] back = new int[16];
    private int[] merged = new int[16];
    // per live position, this call
    private int[] index = new int[16];
    private double[] urgency = new double[16];
    private boolean[] candidate = new boolean[16];
    // the bound's heap (live positions of the candidates) and the jobs visited from it, this call
    private int[] heapPos = new int[16];
    private double[] heapBound = new double[16];
    private int heapSize;
    private int[] visitedPos = new int[16];
    private double[] visitedBound = new double[16];

    private SchedulerView lastView;
    private boolean incremental;
    private long maxId;

    IncrementalPass(DreamSettings settings, int accelerators) {
        this.settings = settings;
        this.accs = accelerators;
    }

    @Override
    public int decide(SchedulerView v, Decisions d, int level, double alpha, double beta, double tolerance,
                      boolean[] accTaken) {
        begin(v);
        growLive(liveCount);
        if (level >= 0) {
            switchVariants(v, d, level, tolerance);
        }
        int drops = settings.drop() ? admit(v, d, tolerance) : 0;
        dispatch(v, d, alpha, beta, accTaken);
        return drops;
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Brings the live and parked jobs up to date with {@code v}; {@code index} then holds each live job's index. */
    private void begin(SchedulerView v) {
        if (!incremental || v != lastView) {
            rebuild(v);
            return;
        }
        int n = v.jobCount();
        int backCount = 0;
        int stillParked = 0;
        for (int i = 0; i < parkedCount; i++) {
            int slot = parked[i];
            int j = find(v, slot, 0);
            if (j < 0) {
                release(slot);
            } else if (v.runningOn(j) >= 0) {
                parked[stillParked++] = slot;
            } else {
                read(v, j, slot);
                back = push(back, backCount++, slot);
            }
        }
        parkedCount = stillParked;
        int kept = 0;
        int lo = 0;
        for (int i = 0; i < liveCount; i++) {
            int slot = live[i];
            int j = find(v, slot, lo);
            if (j < 0) {
                release(slot); // left without this pass dropping it (an engine rule)
            } else {
                live[kept++] = slot;
                lo = j + 1;
            }
        }
        liveCount = kept;
        if (backCount > 0) {
            mergeBack(backCount);
        }
        int first = JobIndex.firstAfter(v, maxId);
        for (int j = first; j < n; j++) {
            if (j > first && v.jobId(j) <= v.jobId(j - 1)) {
                rebuild(v); // ids not increasing: not a view this bookkeeping understands
                return;
            }
            enter(v, j);
        }
        if (n > first) {
            maxId = v.jobId(n - 1);
        }
        growLive(liveCount);
        for (int i = 0; i < liveCount; i++) {
            index[i] = hint[live[i]];
        }
    }

    private void rebuild(SchedulerView v) {
        lastView = v;
        used = 0;
        freeCount = 0;
        liveCount = 0;
        parkedCount = 0;
        incremental = true;
        maxId = Long.MIN_VALUE;
        int n = v.jobCount();
        for (int j = 0; j < n; j++) {
            long jobId = v.jobId(j);
            if (j > 0 && jobId <= maxId) {
                incremental = false; // read whole again at the next call
            }
            maxId = Math.max(maxId, jobId);
            enter(v, j);
        }
        growLive(liveCount);
        for (int i = 0; i < liveCount; i++) {
            index[i] = hint[live[i]];
        }
    }

    private void enter(SchedulerView v, int j) {
        int slot = alloc();
        id[slot] = v.jobId(j);
        hint[slot] = j;
        if (v.runningOn(j) >= 0) {
            parked = push(parked, parkedCount++, slot);
        } else {
            read(v, j, slot);
            live = push(live, liveCount++, slot);
        }
    }

    /** Reads waiting job {@code j}'s values into {@code slot}. */
    private void read(SchedulerView v, int j, int slot) {
        int m = v.jobModel(j);
        int var = v.jobVariant(j);
        int from = v.nextLayer(j);
        model[slot] = m;
        variant[slot] = var;
        variants[slot] = v.model(m).variantCount();
        next[slot] = from;
        lastAcc[slot] = v.lastAccelerator(j);
        arrival[slot] = v.arrivalNs(j);
        deadline[slot] = v.deadlineNs(j);
        lastEnd[slot] = v.lastRunEndNs(j);
        remaining[slot] = MapScore.bestRemainingNs(v, m, var, from);
        evalTarget[slot] = -1;
        int layers = Math.min(settings.blockLayers(), v.layerCount(j) - from);
        block[slot] = layers;
        if (from < v.layerCount(j)) {
            minEnergy[slot] = MapScore.minBlockEnergyPj(v, j, layers);
            int base = slot * accs;
            long fastest = Long.MAX_VALUE;
            for (int a = 0; a < accs; a++) {
                layerNs[base + a] = v.latencyNs(m, var, from, a);
                fastest = Math.min(fastest, layerNs[base + a]);
                blockNs[base + a] = v.blockLatencyNs(m, var, from, layers, a);
                blockPj[base + a] = v.blockEnergyPj(m, var, from, layers, a);
                remainingOnNs[base + a] = v.remainingLatencyNs(m, var, from, a);
            }
            minLayerNs[slot] = fastest;
        }
    }

    /** @return the view index of {@code slot}'s job, searched from {@code lo}, or -1 if it left the view */
    private int find(SchedulerView v, int slot, int lo) {
        int j = JobIndex.find(v, id[slot], hint[slot], lo);
        if (j >= 0) {
            hint[slot] = j;
        }
        return j;
    }

    /** Merges the {@code count} jobs of {@code back} (waiting again) into the live list, by id. */
    private void mergeBack(int count) {
        for (int i = 1; i < count; i++) { // insertion sort: a handful of jobs (one per accelerator)
            int s = back[i];
            int k = i - 1;
            while (k >= 0 && id[back[k]] > id[s]) {
                back[k + 1] = back[k];
                k--;
            }
            back[k + 1] = s;
        }
        if (merged.length < liveCount + count) {
            merged = new int[Math.max(liveCount + count, merged.length * 2)];
        }
        int i = 0;
        int k = 0;
        int out = 0;
        while (i < liveCount || k < count) {
            if (k == count || (i < liveCount && id[live[i]] < id[back[k]])) {
                merged[out++] = live[i++];
            } else {
                merged[out++] = back[k++];
            }
        }
        int[] t = live;
        live = merged;
        merged = t;
        liveCount = out;
    }

    // ---------------------------------------------------------------- the rules

    private void switchVariants(SchedulerView v, Decisions d, int level, double tolerance) {
        long now = v.now();
        boolean drop = settings.drop();
        for (int i = 0; i < liveCount; i++) {
            int slot = live[i];
            if (next[slot] != 0) {
                continue;
            }
            int target = SupernetSwitcher.variantAt(level, variants[slot]);
            int chosen = target;
            if (drop) {
                if (evalTarget[slot] == target && evalTolerance[slot] == tolerance
                        && evalChosen[slot] == variant[slot]
                        && !AdmissionControl.hopeless(now, remaining[slot], arrival[slot], deadline[slot], tolerance)) {
                    chosen = variant[slot];
                } else {
                    chosen = AdmissionControl.feasibleVariant(v, index[i], model[slot], target, variants[slot],
                            tolerance);
                    evalTarget[slot] = target;
                    evalTolerance[slot] = tolerance;
                    evalChosen[slot] = chosen;
                }
            }
            if (variant[slot] != chosen) {
                d.selectVariant(index[i], chosen);
                int t = evalTarget[slot];
                double tol = evalTolerance[slot];
                int c = evalChosen[slot];
                read(v, index[i], slot);
                evalTarget[slot] = t;
                evalTolerance[slot] = tol;
                evalChosen[slot] = c;
            }
        }
    }

    /** Drops the hopeless live jobs (release order) and forgets them: @return how many */
    private int admit(SchedulerView v, Decisions d, double tolerance) {
        long now = v.now();
        int drops = 0;
        int kept = 0;
        for (int i = 0; i < liveCount; i++) {
            int slot = live[i];
            if (AdmissionControl.hopeless(now, remaining[slot], arrival[slot], deadline[slot], tolerance)) {
                d.drop(index[i]);
                release(slot);
                drops++;
            } else {
                index[kept] = index[i];
                live[kept++] = slot;
            }
        }
        liveCount = kept;
        return drops;
    }

    private void dispatch(SchedulerView v, Decisions d, double alpha, double beta, boolean[] accTaken) {
        if (!anyIdle(v, accTaken)) {
            return;
        }
        long now = v.now();
        boolean bound = true;
        heapSize = 0;
        for (int i = 0; i < liveCount; i++) {
            int slot = live[i];
            boolean c = block[slot] > 0 && v.ready(index[i]);
            candidate[i] = c;
            if (c) {
                urgency[i] = MapScore.urgency(remaining[slot], deadline[slot] - now);
                long waited = now - lastEnd[slot];
                bound &= waited >= 0 && (beta == 0 || Double.isFinite(minEnergy[slot]));
                heapPos[heapSize] = i;
                heapBound[heapSize++] = 1.0 + alpha * MapScore.fairness(waited, minLayerNs[slot]);
            }
        }
        if (heapSize == 0) {
            return;
        }
        if (bound) {
            boundedDispatch(v, d, alpha, beta, accTaken);
        } else {
            scanDispatch(v, d, alpha, beta, accTaken);
        }
        int kept = 0;
        for (int i = 0; i < liveCount; i++) {
            if (index[i] < 0) {
                parked = push(parked, parkedCount++, live[i]);
            } else {
                live[kept++] = live[i];
            }
        }
        liveCount = kept;
    }

    /**
     * Branch and bound on the pairs. {@code bound(j) = 1 + alpha x waited(j) / max(1, min over a of next-layer
     * latency(j, a))} is at least {@code score(j, a)} for every accelerator, as computed: urgency &lt;= 1, alpha &gt;= 0
     * and waited &gt;= 0 make the fairness term largest on the fastest accelerator, the energy, move and late terms
     * only subtract (beta, penalties &gt;= 0; energy ratio &gt;= 1), and IEEE rounding is monotone, so the double of
     * the score never exceeds the double of the bound. Jobs are visited by bound, highest first (a heap built per
     * call); once a job's bound is below the best exact score, no later job can win on score, ties included. The
     * order on pairs ({@link #better}, then the lower accelerator for one job) is total on non-NaN scores, so the
     * winner is the scan's; a NaN score (an energy of +inf on every accelerator with beta &gt; 0) or a negative wait
     * falls back to {@link #scanDispatch}, the scan's own order.
     */
    private void boundedDispatch(SchedulerView v, Decisions d, double alpha, double beta, boolean[] accTaken) {
        long now = v.now();
        double move = settings.movePenalty();
        double late = settings.latePenalty();
        for (int k = heapSize / 2 - 1; k >= 0; k--) {
            siftDown(k);
        }
        int visited = 0;
        while (anyIdle(v, accTaken)) {
            int bestI = -1;
            int bestA = -1;
            double bestScore = 0;
            long bestNs = 0;
            for (int k = 0; ; k++) {
                if (k == visited) {
                    if (heapSize == 0) {
                        break;
                    }
                    visitedPos = grow(visitedPos, visited);
                    visitedBound = grow(visitedBound, visited);
                    visitedPos[visited] = heapPos[0];
                    visitedBound[visited++] = heapBound[0];
                    heapSize--;
                    heapPos[0] = heapPos[heapSize];
                    heapBound[0] = heapBound[heapSize];
                    siftDown(0);
                }
                if (bestI >= 0 && visitedBound[k] < bestScore) {
                    break;
                }
                int i = visitedPos[k];
                if (!candidate[i]) {
                    continue;
                }
                int slot = live[i];
                long dl = deadline[slot];
                boolean feasible = now + remaining[slot] <= dl;
                double minPj = beta != 0 ? minEnergy[slot] : 0;
                for (int a = 0; a < accs; a++) {
                    if (accTaken[a] || !v.idle(a)) {
                        continue;
                    }
                    int at = slot * accs + a;
                    double s = MapScore.score(now, urgency[i], lastEnd[slot], layerNs[at], alpha, beta, blockPj[at],
                            minPj, lastAcc[slot], a, move, feasible, remainingOnNs[at], dl, late);
                    long ns = blockNs[at];
                    if (bestI < 0 || better(s, slot, ns, bestScore, live[bestI], bestNs)) {
                        bestI = i;
                        bestA = a;
                        bestScore = s;
                        bestNs = ns;
                    }
                }
            }
            if (bestI < 0) {
                return;
            }
            dispatch(d, bestI, bestA, accTaken);
        }
    }

    /** The scan's loop (accelerators outer, jobs in release order inner), for the cases the bound does not cover. */
    private void scanDispatch(SchedulerView v, Decisions d, double alpha, double beta, boolean[] accTaken) {
        long now = v.now();
        double move = settings.movePenalty();
        double late = settings.latePenalty();
        while (true) {
            int bestI = -1;
            int bestA = -1;
            double bestScore = 0;
            long bestNs = 0;
            for (int a = 0; a < accs; a++) {
                if (accTaken[a] || !v.idle(a)) {
                    continue;
                }
                for (int i = 0; i < liveCount; i++) {
                    if (!candidate[i]) {
                        continue;
                    }
                    int slot = live[i];
                    int at = slot * accs + a;
                    long dl = deadline[slot];
                    double s = MapScore.score(now, urgency[i], lastEnd[slot], layerNs[at], alpha, beta, blockPj[at],
                            beta != 0 ? minEnergy[slot] : 0, lastAcc[slot], a, move, now + remaining[slot] <= dl,
                            remainingOnNs[at], dl, late);
                    long ns = blockNs[at];
                    if (bestI < 0 || better(s, slot, ns, bestScore, live[bestI], bestNs)) {
                        bestI = i;
                        bestA = a;
                        bestScore = s;
                        bestNs = ns;
                    }
                }
            }
            if (bestI < 0) {
                return;
            }
            dispatch(d, bestI, bestA, accTaken);
        }
    }

    private boolean anyIdle(SchedulerView v, boolean[] accTaken) {
        for (int a = 0; a < accs; a++) {
            if (!accTaken[a] && v.idle(a)) {
                return true;
            }
        }
        return false;
    }

    private void dispatch(Decisions d, int i, int a, boolean[] accTaken) {
        d.dispatch(index[i], a, block[live[i]]);
        candidate[i] = false;
        accTaken[a] = true;
        index[i] = -1; // marks the dispatched: parked after the loop
    }

    /** Max-heap on {@code heapBound} (ties: lower live position first, for a fixed visiting order). */
    private void siftDown(int k) {
        int pos = heapPos[k];
        double b = heapBound[k];
        while (true) {
            int c = 2 * k + 1;
            if (c >= heapSize) {
                break;
            }
            if (c + 1 < heapSize && above(c + 1, c)) {
                c++;
            }
            if (!(heapBound[c] > b || (heapBound[c] == b && heapPos[c] < pos))) {
                break;
            }
            heapPos[k] = heapPos[c];
            heapBound[k] = heapBound[c];
            k = c;
        }
        heapPos[k] = pos;
        heapBound[k] = b;
    }

    private boolean above(int x, int y) {
        return heapBound[x] > heapBound[y] || (heapBound[x] == heapBound[y] && heapPos[x] < heapPos[y]);
    }

    /** {@code DreamScheduler}'s order: higher score; ties: earlier request, faster block, lower job id. */
    private boolean better(double s, int slot, long ns, double bestScore, int bestSlot, long bestNs) {
        if (s != bestScore) {
            return s > bestScore;
        }
        if (arrival[slot] != arrival[bestSlot]) {
            return arrival[slot] < arrival[bestSlot];
        }
        if (ns != bestNs) {
            return ns < bestNs;
        }
        return id[slot] < id[bestSlot];
    }

    // ---------------------------------------------------------------- storage

    private int alloc() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == id.length) {
            growSlots(Math.max(16, used * 2));
        }
        return used++;
    }

    private void release(int slot) {
        free = push(free, freeCount++, slot);
    }

    private void growSlots(int n) {
        id = Arrays.copyOf(id, n);
        hint = Arrays.copyOf(hint, n);
        model = Arrays.copyOf(model, n);
        variant = Arrays.copyOf(variant, n);
        variants = Arrays.copyOf(variants, n);
        next = Arrays.copyOf(next, n);
        block = Arrays.copyOf(block, n);
        lastAcc = Arrays.copyOf(lastAcc, n);
        arrival = Arrays.copyOf(arrival, n);
        deadline = Arrays.copyOf(deadline, n);
        lastEnd = Arrays.copyOf(lastEnd, n);
        remaining = Arrays.copyOf(remaining, n);
        minEnergy = Arrays.copyOf(minEnergy, n);
        minLayerNs = Arrays.copyOf(minLayerNs, n);
        evalTarget = Arrays.copyOf(evalTarget, n);
        evalTolerance = Arrays.copyOf(evalTolerance, n);
        evalChosen = Arrays.copyOf(evalChosen, n);
        layerNs = Arrays.copyOf(layerNs, n * accs);
        blockNs = Arrays.copyOf(blockNs, n * accs);
        blockPj = Arrays.copyOf(blockPj, n * accs);
        remainingOnNs = Arrays.copyOf(remainingOnNs, n * accs);
    }

    private void growLive(int n) {
        if (index.length < n) {
            int size = Math.max(n, index.length * 2);
            index = new int[size];
            urgency = new double[size];
            candidate = new boolean[size];
            heapPos = new int[size];
            heapBound = new double[size];
        }
    }

    private static int[] grow(int[] a, int at) {
        return at == a.length ? Arrays.copyOf(a, a.length * 2) : a;
    }

    private static double[] grow(double[] a, int at) {
        return at == a.length ? Arrays.copyOf(a, a.length * 2) : a;
    }

    private static int[] push(int[] a, int at, int value) {
        int[] out = at == a.length ? Arrays.copyOf(a, a.length * 2) : a;
        out[at] = value;
        return out;
    }
}
