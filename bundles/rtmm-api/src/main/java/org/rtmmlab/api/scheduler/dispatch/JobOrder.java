package org.rtmmlab.api.scheduler.dispatch;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The waiting jobs of a run in a policy's order, kept across {@code decide} calls so that a decision costs
 * O(log backlog) per job it looks at instead of a scan of the backlog (issue 15). Jobs sit in one or more
 * {@link JobHeap}s (queues: one for EDF, one per model for round-robin, one per accelerator for Herald) ordered by
 * {@code (key1, key2, arrival, job id)}, keys that the policy's {@link Keys} computes from the view when the job
 * enters. One per scheduler (per run); not thread-safe, no allocation once its arrays have grown.
 *
 * <p>Use: {@link #begin} at the start of each {@code decide}; then {@link #first} per queue gives the first ready job,
 * taken out of its queue, and the scheduler says what became of it: {@link #park()} if it was dispatched (or will
 * change), {@link #putBack()} if not.
 *
 * <p>What the incremental bookkeeping relies on, all true of the engine's view: jobs are in release order and
 * their ids increase with it (the engine numbers requests in release order), so a job is found again by binary
 * search on its id and the jobs released since the last call are the tail whose ids exceed the largest id seen;
 * jobs only leave (finished or dropped) or are appended between calls; and the keys of a waiting job change only
 * when it runs. Hence a job running a block is "parked" (re-keyed at each call until it waits again), and so is a job
 * this scheduler just dispatched. A view whose ids do not increase (a hand-made test view), or a call on another view
 * object than the last, rebuilds the order from the whole view, which gives the same decisions as a scan.
 */
public final class JobOrder {

    /** Policy hooks: the keys and queue of a job, read from the view. */
    public interface Keys {
        /** @return job {@code j}'s first ordering key (lower first) */
        long key1(SchedulerView view, int j);

        /** @return job {@code j}'s second ordering key, on equal first keys (lower first) */
        long key2(SchedulerView view, int j);

        /**
         * @return the queue job {@code j} belongs to, in {@code [0, queueCount)}, or -1 for none now (looked at again
         * at the next call)
         */
        int queue(SchedulerView view, int j);

        /** @return number of queues of the view */
        int queueCount(SchedulerView view);
    }

    /** Parallel arrays of the entries (one slot per known job), with a free list. */
    static final class Entries {
        long[] key1 = new long[16];
        long[] key2 = new long[16];
        long[] arrival = new long[16];
        long[] id = new long[16];
        int[] hint = new int[16];
        int[] queue = new int[16];
        private int[] free = new int[16];
        private int freeCount;
        private int used;

        int alloc() {
            if (freeCount > 0) {
                return free[--freeCount];
            }
            if (used == id.length) {
                int n = used * 2;
                key1 = Arrays.copyOf(key1, n);
                key2 = Arrays.copyOf(key2, n);
                arrival = Arrays.copyOf(arrival, n);
                id = Arrays.copyOf(id, n);
                hint = Arrays.copyOf(hint, n);
                queue = Arrays.copyOf(queue, n);
            }
            return used++;
        }

        void release(int slot) {
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = slot;
        }

        void clear() {
            used = 0;
            freeCount = 0;
        }

        /** @return true if entry {@code a} goes before entry {@code b} */
        boolean before(int a, int b) {
            if (key1[a] != key1[b]) {
                return key1[a] < key1[b];
            }
            if (key2[a] != key2[b]) {
                return key2[a] < key2[b];
            }
            if (arrival[a] != arrival[b]) {
                return arrival[a] < arrival[b];
            }
            return id[a] < id[b];
        }
    }

    private final Keys keys;
    private final Entries entries = new Entries();
    private JobHeap[] queues = new JobHeap[0];
    /** Running or just dispatched jobs: re-keyed at the next call. */
    private int[] parked = new int[16];
    private int parkedCount;
    /** Jobs taken out of their queue in this call with their keys unchanged: back in at the next call. */
    private int[] deferred = new int[16];
    private int deferredCount;
    private SchedulerView lastView;
    private boolean incremental;
    private long maxId;
    private int current = -1;
    private boolean rebuildEveryCall;

    /** @param keys the policy's keys and queues */
    public JobOrder(Keys keys) {
        this.keys = keys;
    }

    /**
     * Rebuilds the order from the whole view at every call: the decisions of a scan, at a scan's cost; the reference
     * that tests hold the incremental order to.
     *
     * @return this
     */
    public JobOrder rebuildEveryCall() {
        rebuildEveryCall = true;
        return this;
    }

    /** Forgets what the order holds: the next {@link #begin} rebuilds it from the whole view. */
    public void forget() {
        lastView = null;
    }

    /** Brings the order up to date with {@code view} at the start of a decision. */
    public void begin(SchedulerView view) {
        current = -1;
        if (!incremental || view != lastView || rebuildEveryCall) {
            rebuild(view);
            return;
        }
        for (int i = 0; i < deferredCount; i++) {
            int slot = deferred[i];
            queues[entries.queue[slot]].push(slot);
        }
        deferredCount = 0;
        int stillParked = 0;
        for (int i = 0; i < parkedCount; i++) {
            int slot = parked[i];
            int j = find(view, slot);
            if (j < 0) {
                entries.release(slot);
            } else if (view.runningOn(j) >= 0) {
                parked[stillParked++] = slot;
            } else if (rekey(view, j, slot)) {
                queues[entries.queue[slot]].push(slot);
            } else {
                parked[stillParked++] = slot;
            }
        }
        parkedCount = stillParked;
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

    /**
     * @param queue the queue to take from
     * @return the view index of the first ready job of {@code queue}, taken out of it (the caller then calls
     * {@link #park()} or {@link #putBack()}), or -1 if the queue has no ready job
     */
    public int first(SchedulerView view, int queue) {
        JobHeap heap = queues[queue];
        while (heap.size() > 0) {
            int slot = heap.pop();
            int j = find(view, slot);
            if (j < 0) {
                entries.release(slot); // finished or dropped
                continue;
            }
            if (view.ready(j)) {
                current = slot;
                return j;
            }
            if (view.runningOn(j) >= 0) {
                park(slot);
            } else {
                defer(slot);
            }
        }
        return -1;
    }

    /**
     * Like {@link #first}, but a waiting job that is not ready (e.g. its dependency is unmet) counts too: for a policy
     * whose queue is blocked by its head (XRBench's FIFO per model).
     *
     * @param queue the queue to take from
     * @return the view index of the first job of {@code queue} that is not running, ready or not, taken out of it (the
     * caller then calls {@link #park()} or {@link #putBack()}), or -1 if the queue has none
     */
    public int firstWaiting(SchedulerView view, int queue) {
        JobHeap heap = queues[queue];
        while (heap.size() > 0) {
            int slot = heap.pop();
            int j = find(view, slot);
            if (j < 0) {
                entries.release(slot); // finished or dropped
            } else if (view.runningOn(j) >= 0) {
                park(slot);
            } else {
                current = slot;
                return j;
            }
        }
        return -1;
    }

    /** The job {@link #first} returned will change (dispatched, or nothing left to run): re-keyed next call. */
    public void park() {
        park(current);
        current = -1;
    }

    /** The job {@link #first} returned keeps its state: back in its queue at the next call. */
    public void putBack() {
        defer(current);
        current = -1;
    }

    private void rebuild(SchedulerView view) {
        lastView = view;
        entries.clear();
        parkedCount = 0;
        deferredCount = 0;
        int count = keys.queueCount(view);
        if (queues.length < count) {
            queues = Arrays.copyOf(queues, count);
            for (int q = 0; q < count; q++) {
                if (queues[q] == null) {
                    queues[q] = new JobHeap(entries);
                }
            }
        }
        for (JobHeap q : queues) {
            q.clear();
        }
        incremental = true;
        maxId = Long.MIN_VALUE;
        int n = view.jobCount();
        for (int j = 0; j < n; j++) {
            long id = view.jobId(j);
            if (j > 0 && id <= maxId) {
                incremental = false; // found again by index within this call only
            }
            maxId = Math.max(maxId, id);
            enter(view, j);
        }
    }

    private void enter(SchedulerView view, int j) {
        int slot = entries.alloc();
        entries.id[slot] = view.jobId(j);
        entries.hint[slot] = j;
        if (view.runningOn(j) < 0 && rekey(view, j, slot)) {
            queues[entries.queue[slot]].push(slot);
        } else {
            park(slot);
        }
    }

    /** @return false if the job belongs to no queue now */
    private boolean rekey(SchedulerView view, int j, int slot) {
        int q = keys.queue(view, j);
        if (q < 0) {
            return false;
        }
        entries.key1[slot] = keys.key1(view, j);
        entries.key2[slot] = keys.key2(view, j);
        entries.arrival[slot] = view.arrivalNs(j);
        entries.queue[slot] = q;
        return true;
    }

    /** @return the view index of entry {@code slot}'s job, or -1 if it left the view */
    private int find(SchedulerView view, int slot) {
        long id = entries.id[slot];
        int hint = entries.hint[slot];
        int j = incremental ? JobIndex.find(view, id, hint) : JobIndex.atHint(view, id, hint);
        if (j >= 0) {
            entries.hint[slot] = j;
        }
        return j;
    }

    private void park(int slot) {
        if (parkedCount == parked.length) {
            parked = Arrays.copyOf(parked, parkedCount * 2);
        }
        parked[parkedCount++] = slot;
    }

    private void defer(int slot) {
        if (deferredCount == deferred.length) {
            deferred = Arrays.copyOf(deferred, deferredCount * 2);
        }
        deferred[deferredCount++] = slot;
    }
}
