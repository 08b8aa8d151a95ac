package org.rtmmlab.scheduler.veltair;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.dispatch.JobIndex;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The ready blocks of a run in VELTAIR's first come first served order (the time the block became ready, then
 * arrival, then job id), and how many there are, kept across {@code decide} calls so that a decision costs
 * O(log backlog) per block it looks at instead of scans of the backlog (issue 15). One per scheduler (per run); not
 * thread-safe; no allocation once its arrays have grown.
 *
 * <p>Every job of the view is in one of two places: the heap (a ready job with layers left, or one taken out of the
 * heap in this call and put back at the next) or the watched list (running a block, waiting on a dependency, with no
 * layers left, or just dispatched), which is looked at again at every call. So the number of ready blocks is
 * {@code jobCount - watched jobs still in the view}, without a scan.
 *
 * <p>What this relies on, all true of the engine's views (the default engine: ready = waiting; the compatibility
 * engine: waiting and the upstream task's completions, a count that only grows): jobs are in release order and their
 * ids increase with it, so a job is found again by binary search on its id and the jobs released since the last call
 * are the tail whose ids exceed the largest id seen; jobs only leave (finished or dropped) or are appended between
 * calls; a waiting job's block key (the end of its last block, its arrival) and next layer change only when it runs;
 * and a ready job stays ready until it is dispatched or leaves. A view whose ids do not increase (a hand-made test
 * view), or a call on another view object than the last, rebuilds the order from the whole view.
 */
final class ReadyBlocks {

    // entry slots: parallel arrays with a free list
    private long[] id = new long[16];
    private long[] readyAt = new long[16];
    private long[] arrival = new long[16];
    private int[] hint = new int[16];
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    /** binary min-heap of slots by (readyAt, arrival, id). */
    private int[] heap = new int[16];
    private int size;
    /** jobs not counted as ready blocks: looked at again at every call. */
    private int[] watched = new int[16];
    private int watchedCount;
    /** jobs taken out of the heap in this call that stay ready (a block no accelerator took): back at the next. */
    private int[] deferred = new int[16];
    private int deferredCount;
    private SchedulerView lastView;
    private boolean incremental;
    private long maxId;
    private int current = -1;
    private int watchedInView;

    /**
     * Brings the order up to date with {@code view} at the start of a decision.
     *
     * @return the number of ready jobs with layers left
     */
    int begin(SchedulerView view) {
        current = -1;
        if (!incremental || view != lastView) {
            rebuild(view);
            return view.jobCount() - watchedInView;
        }
        for (int i = 0; i < deferredCount; i++) {
            push(deferred[i]);
        }
        deferredCount = 0;
        int still = 0;
        for (int i = 0; i < watchedCount; i++) {
            int slot = watched[i];
            int j = find(view, slot);
            if (j < 0) {
                release(slot);
            } else if (readyBlock(view, j)) {
                key(view, j, slot);
                push(slot);
            } else {
                watched[still++] = slot;
            }
        }
        watchedCount = still;
        watchedInView = still;
        int n = view.jobCount();
        int first = JobIndex.firstAfter(view, maxId);
        for (int j = first; j < n; j++) {
            if (j > first && view.jobId(j) <= view.jobId(j - 1)) {
                rebuild(view); // ids not increasing: not a view this bookkeeping understands
                return n - watchedInView;
            }
            enter(view, j);
        }
        if (n > first) {
            maxId = view.jobId(n - 1);
        }
        return n - watchedInView;
    }

    /**
     * @return the view index of the first ready block's job, taken out of the order (the caller then calls
     * {@link #dispatched()} or {@link #keep()}), or -1 when none is left
     */
    int next(SchedulerView view) {
        while (size > 0) {
            int slot = pop();
            int j = find(view, slot);
            if (j < 0) {
                release(slot); // finished or dropped
            } else if (readyBlock(view, j)) {
                current = slot;
                return j;
            } else {
                watch(slot); // not reached with the engine's views (a ready job stays ready until dispatched)
            }
        }
        return -1;
    }

    /** The job {@link #next} returned was dispatched: watched until it waits again. */
    void dispatched() {
        watch(current);
        current = -1;
    }

    /** The job {@link #next} returned keeps its state: back in the order at the next call. */
    void keep() {
        if (deferredCount == deferred.length) {
            deferred = Arrays.copyOf(deferred, deferredCount * 2);
        }
        deferred[deferredCount++] = current;
        current = -1;
    }

    private static boolean readyBlock(SchedulerView view, int j) {
        return view.ready(j) && view.nextLayer(j) < view.layerCount(j);
    }

    private void rebuild(SchedulerView view) {
        lastView = view;
        used = 0;
        freeCount = 0;
        size = 0;
        watchedCount = 0;
        deferredCount = 0;
        incremental = true;
        maxId = Long.MIN_VALUE;
        int n = view.jobCount();
        for (int j = 0; j < n; j++) {
            long jobId = view.jobId(j);
            if (j > 0 && jobId <= maxId) {
                incremental = false; // found again by index within this call only
            }
            maxId = Math.max(maxId, jobId);
            enter(view, j);
        }
        watchedInView = watchedCount;
    }

    private void enter(SchedulerView view, int j) {
        int slot = alloc();
        id[slot] = view.jobId(j);
        hint[slot] = j;
        if (readyBlock(view, j)) {
            key(view, j, slot);
            push(slot);
        } else {
            watch(slot);
            watchedInView++;
        }
    }

    private void key(SchedulerView view, int j, int slot) {
        readyAt[slot] = view.lastRunEndNs(j);
        arrival[slot] = view.arrivalNs(j);
    }

    /** @return the view index of entry {@code slot}'s job, or -1 if it left the view */
    private int find(SchedulerView view, int slot) {
        int j = incremental ? JobIndex.find(view, id[slot], hint[slot]) : JobIndex.atHint(view, id[slot], hint[slot]);
        if (j >= 0) {
            hint[slot] = j;
        }
        return j;
    }

    /** @return true if entry {@code a} goes before entry {@code b}: VELTAIR's FCFS order (a total order) */
    private boolean before(int a, int b) {
        if (readyAt[a] != readyAt[b]) {
            return readyAt[a] < readyAt[b];
        }
        if (arrival[a] != arrival[b]) {
            return arrival[a] < arrival[b];
        }
        return id[a] < id[b];
    }

    private void push(int slot) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(slot, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = slot;
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
        }
        return top;
    }

    private void watch(int slot) {
        if (watchedCount == watched.length) {
            watched = Arrays.copyOf(watched, watchedCount * 2);
        }
        watched[watchedCount++] = slot;
    }

    private int alloc() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == id.length) {
            int n = used * 2;
            id = Arrays.copyOf(id, n);
            readyAt = Arrays.copyOf(readyAt, n);
            arrival = Arrays.copyOf(arrival, n);
            hint = Arrays.copyOf(hint, n);
        }
        return used++;
    }

    private void release(int slot) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }
}
