package org.rtmmlab.scheduler.prema;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.rtmmlab.api.scheduler.dispatch.JobIndex;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * PREMA's waiting jobs kept across {@code decide} calls so that a decision does not age every token nor scan the
 * backlog (issue 15). Tokens are not accumulated: a waiting job's token is a line in time. Summed over the decision
 * points of a wait, {@link Tokens}' increments {@code priority x (now - max(previous point, last run end)) / isolated}
 * telescope to {@code priority x (waited so far) / isolated}, so with {@code s} = the time from which the job would
 * have waited all it waited (its "virtual start", fixed while it waits):
 * {@code token(now) = priority x (isolated + now - s) / isolated}, compared exactly in integers.
 *
 * <p>Invariants the structure relies on: (1) while a job waits, its token only grows, so the time at which it
 * reaches a level ({@code 3}, {@code 9}) is fixed and kept in a heap per level; (2) within one class (same task: same
 * priority, model and variant, hence same isolated time; same next layer, hence same remaining time) the token order
 * is the order of {@code s} and does not change with time, so each class is a heap on {@code (s, arrival, id)} whose
 * head is the class's best job; (3) a class's remaining time is fixed, so the classes of a tier are a heap on it.
 * Tier {@code t} holds the waiting jobs whose token reached {@link #LEVELS}{@code [t]} but not the next level (every
 * token is at least 1, as priorities are positive); a job is in one tier, and moves up when its crossing time comes.
 * The threshold is the level of the highest tier with an eligible job, the candidates are that tier's jobs, and the
 * candidate is the best class head of that tier: least remaining time, then (classes with equal remaining time compared exactly) higher token, earlier
 * arrival, lower id. Only jobs this scheduler dispatched can change (run, finish a block): they are parked and looked
 * at again at the next call, as are jobs found not ready; jobs that ended are found gone (by id) when they come up.
 * Like {@code JobOrder}, it relies on the engine's view: jobs in release order with increasing ids, jobs only leave
 * or are appended between calls.
 */
final class TokenQueues {

    /** PREMA's priority levels, lowest first: tier {@code t} holds the jobs whose highest level reached is this. */
    static final int[] LEVELS = {1, 3, 9};
    private static final byte FREE = 0;
    private static final byte WAITING = 1;
    private static final byte PARKED = 2;

    // per-job slots
    private long[] id = new long[16];
    private int[] hint = new int[16];
    private int[] priority = new int[16];
    private long[] isolated = new long[16];
    /** virtual start while waiting: token = priority x (isolated + now - s) / isolated */
    private long[] start = new long[16];
    /** time waited as of the point the job was parked */
    private long[] waited = new long[16];
    private long[] arrival = new long[16];
    private int[] klass = new int[16];
    /** the tier the waiting job is in: the highest whose level its token reached */
    private int[] tier = new int[16];
    private int[] version = new int[16];
    private byte[] state = new byte[16];
    private int[] free = new int[16];
    private int freeCount;
    private int used;

    // classes
    private int[] taskBase = new int[0];
    private int[][] variantBase;
    private int classCount;
    /** remaining time of each class, -1 until asked */
    private long[] classRemaining;
    /** [tier][class]: the class's waiting jobs of that tier on (s, arrival, id) */
    private EntryHeap[][] jobs;
    /** [tier]: the classes listed in a tier on (remaining, class) */
    private final EntryHeap[] classes = new EntryHeap[LEVELS.length];
    private boolean[][] listed;
    /** [tier]: waiting jobs not yet in the tier, on the time their token reaches its level (tiers 1 and up) */
    private final EntryHeap[] pending = new EntryHeap[LEVELS.length];
    private long entries;

    private int[] parked = new int[16];
    private int parkedCount;
    /** slots of jobs whose block ended at {@link #endedAt}: the possible incumbents */
    private int[] ended = new int[8];
    private long[] endedId = new long[8];
    private int endedCount;
    private long endedAt = Long.MIN_VALUE;
    private int[] popped = new int[8];

    private boolean started;
    private long maxId;
    private long previousPointNs;
    private long now;
    /** slot of the job {@link #candidate} / {@link #incumbent} returned */
    private int candidateSlot = -1;
    private int incumbentSlot = -1;

    TokenQueues() {
        for (int t = 0; t < LEVELS.length; t++) {
            classes[t] = new EntryHeap();
            pending[t] = new EntryHeap();
        }
    }

    /**
     * Brings the queues up to {@code view} at the start of a decision.
     *
     * @return false if the view's ids do not increase (nothing changed): the caller decides by scan instead
     */
    boolean begin(SchedulerView view) {
        int n = view.jobCount();
        if (!started) {
            for (int j = 1; j < n; j++) {
                if (view.jobId(j) <= view.jobId(j - 1)) {
                    return false;
                }
            }
            setUp(view);
        }
        int first = JobIndex.firstAfter(view, maxId);
        for (int j = first + 1; j < n; j++) {
            if (view.jobId(j) <= view.jobId(j - 1)) {
                return false;
            }
        }
        now = view.now();
        if (now != endedAt) {
            endedCount = 0;
            endedAt = now;
        }
        int stillParked = 0;
        for (int i = 0; i < parkedCount; i++) {
            int slot = parked[i];
            int j = find(view, slot);
            if (j < 0) {
                release(slot);
            } else if (view.runningOn(j) >= 0) {
                parked[stillParked++] = slot; // running: no waiting time at this point
            } else {
                enter(view, j, slot);
            }
        }
        parkedCount = stillParked;
        for (int j = first; j < n; j++) {
            int slot = alloc();
            id[slot] = view.jobId(j);
            hint[slot] = j;
            priority[slot] = view.jobPriority(j);
            isolated[slot] = Tokens.isolatedNs(view, j);
            arrival[slot] = view.arrivalNs(j);
            waited[slot] = 0; // the token starts at the priority
            if (view.runningOn(j) >= 0) {
                state[slot] = PARKED;
                addParked(slot);
            } else {
                enter(view, j, slot);
            }
        }
        if (n > first) {
            maxId = view.jobId(n - 1);
        }
        previousPointNs = now;
        for (int t = 1; t < LEVELS.length; t++) { // jobs whose token reached the tier's level since the last call
            EntryHeap p = pending[t];
            while (p.size() > 0 && p.key1() <= now) {
                int slot = p.slot();
                int v = p.version();
                p.pop();
                entries--;
                if (v == version[slot] && state[slot] == WAITING && tier[slot] == t - 1) {
                    place(slot, t); // its entry in the tier below goes stale: it is at the head of its class there
                }
            }
        }
        if (entries > 8L * (n + 64)) {
            compact(view);
        }
        return true;
    }

    private void setUp(SchedulerView view) {
        started = true;
        maxId = Long.MIN_VALUE;
        Map<String, Integer> models = new HashMap<>();
        for (int m = 0; m < view.modelCount(); m++) {
            models.put(view.model(m).id(), m);
        }
        variantBase = new int[view.modelCount()][];
        int perModel;
        int[] modelSize = new int[view.modelCount()];
        for (int m = 0; m < view.modelCount(); m++) {
            int variants = view.model(m).variantCount();
            variantBase[m] = new int[variants];
            perModel = 0;
            for (int v = 0; v < variants; v++) {
                variantBase[m][v] = perModel;
                perModel += view.layerCount(m, v) + 1; // next layer 0..layerCount
            }
            modelSize[m] = perModel;
        }
        taskBase = new int[view.taskCount()];
        for (int t = 0; t < view.taskCount(); t++) {
            taskBase[t] = classCount;
            classCount += modelSize[models.get(view.task(t).model())];
        }
        classRemaining = new long[classCount];
        Arrays.fill(classRemaining, -1);
        jobs = new EntryHeap[LEVELS.length][classCount];
        listed = new boolean[LEVELS.length][classCount];
    }

    /** Job {@code j} (slot {@code slot}) waits from this point: it gets its virtual start and joins its queues. */
    private void enter(SchedulerView view, int j, int slot) {
        // what the aging at this point adds: now - max(previous point, last run end), if positive
        long from = Math.min(now, Math.max(previousPointNs, view.lastRunEndNs(j)));
        start[slot] = from - waited[slot];
        if (view.lastRunEndNs(j) == now) {
            if (endedCount == ended.length) {
                ended = Arrays.copyOf(ended, endedCount * 2);
                endedId = Arrays.copyOf(endedId, endedCount * 2);
            }
            endedId[endedCount] = id[slot];
            ended[endedCount++] = slot;
        }
        join(view, j, slot);
    }

    /** Puts waiting job {@code j} in its class of every tier its token reached, and pending for the others. */
    private void join(SchedulerView view, int j, int slot) {
        state[slot] = WAITING;
        version[slot]++;
        klass[slot] = taskBase[view.jobTask(j)] + variantBase[view.jobModel(j)][view.jobVariant(j)]
                + Math.min(view.nextLayer(j), view.layerCount(j));
        if (classRemaining[klass[slot]] < 0) {
            classRemaining[klass[slot]] = view.remainingLatencyFastestNs(view.jobModel(j), view.jobVariant(j),
                    view.nextLayer(j));
        }
        place(slot, 0);
    }

    /**
     * Puts waiting slot {@code slot} in the highest tier from {@code t} up whose level its token reached, and in the
     * pending heap of the tier above (the job is in one tier only: the candidates are the jobs of the highest tier
     * that has an eligible job, which are exactly those whose token reached the threshold).
     */
    private void place(int slot, int t) {
        while (t + 1 < LEVELS.length && reaches(slot, LEVELS[t + 1]) <= now) {
            t++;
        }
        tier[slot] = t;
        addToTier(t, slot);
        if (t + 1 < LEVELS.length) {
            pending[t + 1].push(reaches(slot, LEVELS[t + 1]), 0, 0, slot, version[slot]);
            entries++;
        }
    }

    /** @return the first time (ns) at which the slot's token is at least {@code level}, while it waits */
    private long reaches(int slot, int level) {
        // priority x (isolated + t - s) >= level x isolated  <=>  t >= s - isolated + ceil(level x isolated / priority)
        long iso = isolated[slot];
        long p = priority[slot];
        return start[slot] - iso + Math.floorDiv(Math.multiplyExact(level, iso) + p - 1, p);
    }

    private void addToTier(int t, int slot) {
        int c = klass[slot];
        EntryHeap h = jobs[t][c];
        if (h == null) {
            h = new EntryHeap();
            jobs[t][c] = h;
        }
        h.push(start[slot], arrival[slot], id[slot], slot, version[slot]);
        entries++;
        if (!listed[t][c]) {
            listed[t][c] = true;
            classes[t].push(classRemaining[c], c, 0, c, 0);
        }
    }

    /**
     * @return the view index of the job PREMA runs next among the eligible jobs (the best one of the highest tier
     * that has an eligible job), or -1
     */
    int candidate(SchedulerView view) {
        for (int t = LEVELS.length - 1; t >= 0; t--) {
            int j = best(view, t);
            if (j >= 0) {
                return j;
            }
        }
        candidateSlot = -1;
        return -1;
    }

    /** @return the best eligible job of tier {@code t} (its slot in {@link #candidateSlot}), or -1 */
    private int best(SchedulerView view, int t) {
        EntryHeap order = classes[t];
        int bestJ = -1;
        int bestSlot = -1;
        long remaining = 0;
        int count = 0;
        while (order.size() > 0) {
            int c = order.slot();
            int j = head(view, t, c);
            if (j < 0) {
                order.pop();
                listed[t][c] = false;
                continue;
            }
            if (bestJ >= 0 && classRemaining[c] != remaining) {
                break;
            }
            if (bestJ < 0 && order.topKeyUnique()) { // no other class has this remaining time
                candidateSlot = jobs[t][c].slot();
                return j;
            }
            int slot = jobs[t][c].slot();
            if (bestJ < 0 || before(slot, bestSlot)) {
                bestJ = j;
                bestSlot = slot;
                remaining = classRemaining[c];
            }
            order.pop(); // classes of equal remaining time: compared by their heads
            if (count == popped.length) {
                popped = Arrays.copyOf(popped, count * 2);
            }
            popped[count++] = c;
        }
        for (int i = 0; i < count; i++) {
            order.push(classRemaining[popped[i]], popped[i], 0, popped[i], 0);
        }
        candidateSlot = bestSlot;
        return bestJ;
    }

    /** @return the view index of class {@code c}'s best eligible job in tier {@code t}, dropping what went stale */
    private int head(SchedulerView view, int t, int c) {
        EntryHeap h = jobs[t][c];
        while (h.size() > 0) {
            int slot = h.slot();
            if (h.version() != version[slot] || state[slot] != WAITING || tier[slot] != t) {
                h.pop();
                entries--;
                continue;
            }
            int j = find(view, slot);
            if (j < 0) {
                release(slot);
                h.pop();
                entries--;
                continue;
            }
            if (!view.ready(j) || view.nextLayer(j) >= view.layerCount(j)) {
                park(slot); // not eligible now: looked at again at the next call, its waiting time kept
                h.pop();
                entries--;
                continue;
            }
            return j;
        }
        return -1;
    }

    /** @return true if slot {@code a} goes before slot {@code b} (equal remaining time): higher token, arrival, id */
    private boolean before(int a, int b) {
        int cmp = compareTokens(a, b);
        if (cmp != 0) {
            return cmp > 0;
        }
        if (arrival[a] != arrival[b]) {
            return arrival[a] < arrival[b];
        }
        return id[a] < id[b];
    }

    /** @return the sign of token(a) - token(b) at {@link #now}, exactly */
    private int compareTokens(int a, int b) {
        long xa = isolated[a] + now - start[a];
        long xb = isolated[b] + now - start[b];
        if (priority[a] == priority[b] && isolated[a] == isolated[b]) {
            return Long.compare(xa, xb);
        }
        // priority_a x xa / iso_a vs priority_b x xb / iso_b, i.e. priority_a x xa x iso_b vs priority_b x xb x iso_a
        long ua = priority[a] * xa;
        long ub = priority[b] * xb;
        if (Math.multiplyHigh(priority[a], xa) == 0 && ua >= 0 && Math.multiplyHigh(priority[b], xb) == 0 && ub >= 0) {
            long hi = Math.multiplyHigh(ua, isolated[b]);
            long hj = Math.multiplyHigh(ub, isolated[a]);
            return hi != hj ? Long.compare(hi, hj) : Long.compareUnsigned(ua * isolated[b], ub * isolated[a]);
        }
        return BigInteger.valueOf(priority[a]).multiply(BigInteger.valueOf(xa)).multiply(BigInteger.valueOf(isolated[b]))
                .compareTo(BigInteger.valueOf(priority[b]).multiply(BigInteger.valueOf(xb))
                        .multiply(BigInteger.valueOf(isolated[a])));
    }

    /**
     * @return the eligible started job (not {@code c}) whose block just ended on accelerator {@code a} (the first in
     * view order), or -1; its slot in {@link #incumbentSlot}
     */
    int incumbent(SchedulerView view, int a, int c) {
        int best = -1;
        incumbentSlot = -1;
        for (int i = 0; i < endedCount; i++) {
            int slot = ended[i];
            if (state[slot] != WAITING || id[slot] != endedId[i]) {
                continue; // dispatched in this call, not eligible, or gone
            }
            int j = find(view, slot);
            if (j >= 0 && j != c && (best < 0 || j < best) && view.ready(j) && view.nextLayer(j) > 0
                    && view.nextLayer(j) < view.layerCount(j) && view.lastAccelerator(j) == a
                    && view.lastRunEndNs(j) == now) {
                best = j;
                incumbentSlot = slot;
            }
        }
        return best;
    }

    /** The job {@link #candidate} returned was dispatched: parked until the next call. */
    void candidateDispatched() {
        park(candidateSlot);
    }

    /** The job {@link #incumbent} returned was dispatched (drained): parked until the next call. */
    void incumbentDispatched() {
        park(incumbentSlot);
    }

    /** The job {@link #incumbent} returned was restarted: it waits on, from its (new) first layer. */
    void incumbentRestarted(SchedulerView view, int j) {
        join(view, j, incumbentSlot);
    }

    private void park(int slot) {
        if (state[slot] == WAITING) {
            waited[slot] = now - start[slot];
        }
        state[slot] = PARKED;
        version[slot]++;
        addParked(slot);
    }

    private void addParked(int slot) {
        if (parkedCount == parked.length) {
            parked = Arrays.copyOf(parked, parkedCount * 2);
        }
        parked[parkedCount++] = slot;
    }

    /** Rebuilds the heaps from the waiting slots, dropping the stale entries and the jobs that left. */
    private void compact(SchedulerView view) {
        entries = 0;
        for (int t = 0; t < LEVELS.length; t++) {
            classes[t].clear();
            pending[t].clear();
            Arrays.fill(listed[t], false);
            for (EntryHeap h : jobs[t]) {
                if (h != null) {
                    h.clear();
                }
            }
        }
        for (int slot = 0; slot < used; slot++) {
            if (state[slot] == WAITING) {
                int j = find(view, slot);
                if (j < 0) {
                    release(slot);
                } else {
                    version[slot]++;
                    place(slot, 0);
                }
            }
        }
    }

    /** @return the view index of slot {@code slot}'s job, or -1 if it left the view */
    private int find(SchedulerView view, int slot) {
        long key = id[slot];
        int n = view.jobCount();
        int hi = Math.min(hint[slot], n - 1); // jobs only leave before it: its index never grows
        if (hi >= 0 && view.jobId(hi) == key) {
            return hi;
        }
        int lo = 0;
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = view.jobId(mid);
            if (m < key) {
                lo = mid + 1;
            } else if (m > key) {
                hi = mid - 1;
            } else {
                hint[slot] = mid;
                return mid;
            }
        }
        return -1;
    }

    private int alloc() {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == id.length) {
                int n = used * 2;
                id = Arrays.copyOf(id, n);
                hint = Arrays.copyOf(hint, n);
                priority = Arrays.copyOf(priority, n);
                isolated = Arrays.copyOf(isolated, n);
                start = Arrays.copyOf(start, n);
                waited = Arrays.copyOf(waited, n);
                arrival = Arrays.copyOf(arrival, n);
                klass = Arrays.copyOf(klass, n);
                tier = Arrays.copyOf(tier, n);
                version = Arrays.copyOf(version, n);
                state = Arrays.copyOf(state, n);
            }
            slot = used++;
        }
        version[slot]++;
        return slot;
    }

    private void release(int slot) {
        state[slot] = FREE;
        version[slot]++;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }
}
