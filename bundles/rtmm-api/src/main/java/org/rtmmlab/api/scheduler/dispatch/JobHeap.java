package org.rtmmlab.api.scheduler.dispatch;

import java.util.Arrays;

/**
 * A min-priority queue of job entries ordered by {@code (key1, key2, arrival, id)}, lexicographically (ids are unique,
 * so the order is total and the pop order does not depend on the insertion order). Entries are slots of parallel
 * arrays owned by {@link JobOrder}; the queue holds slot numbers only. No allocation once the arrays have grown.
 *
 * <p>A binary heap with a small sorted front: the front holds up to {@link #FRONT} entries that go before every entry
 * of the heap. A pushed entry that goes before the heap's first joins the front (insertion, a few comparisons), a pop
 * takes the front's first when there is one. The jobs a scheduler takes in one call and puts back at the next (a job
 * it dispatched waits again, a job it could not place) are the first ones, so they cycle through the front without
 * the heap's O(log n) sifts.
 */
final class JobHeap {

    /** Capacity of the sorted front. */
    static final int FRONT = 8;

    private final JobOrder.Entries entries;
    /** The front, last first: {@code front[frontSize - 1]} is the first entry of the whole queue. */
    private final int[] front = new int[FRONT];
    private final long[] frontKey = new long[FRONT];
    private int frontSize;
    private int[] heap = new int[16];
    /** {@code key1} of the entry at each heap position, so most comparisons read one array. */
    private long[] first = new long[16];
    private int size;

    JobHeap(JobOrder.Entries entries) {
        this.entries = entries;
    }

    int size() {
        return size + frontSize;
    }

    void clear() {
        size = 0;
        frontSize = 0;
    }

    /** @return the slot of the first entry without removing it; the queue must not be empty */
    int peek() {
        return frontSize > 0 ? front[frontSize - 1] : heap[0];
    }

    void push(int slot) {
        long key = entries.key1[slot];
        if (size > 0 && !before(key, slot, first[0], heap[0])) {
            heapPush(slot, key);
            return;
        }
        // goes before every heap entry: into the front, sorted (last first)
        if (frontSize == FRONT) {
            if (before(frontKey[0], front[0], key, slot)) {
                heapPush(slot, key); // after the whole front: the heap's new first
                return;
            }
            // the front's last entry moves to the heap: it still goes before every heap entry
            heapPush(front[0], frontKey[0]);
            System.arraycopy(front, 1, front, 0, FRONT - 1);
            System.arraycopy(frontKey, 1, frontKey, 0, FRONT - 1);
            frontSize--;
        }
        int i = frontSize++;
        while (i > 0 && before(frontKey[i - 1], front[i - 1], key, slot)) {
            front[i] = front[i - 1];
            frontKey[i] = frontKey[i - 1];
            i--;
        }
        front[i] = slot;
        frontKey[i] = key;
    }

    private void heapPush(int slot, long key) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            first = Arrays.copyOf(first, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(key, slot, first[parent], heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            first[i] = first[parent];
            i = parent;
        }
        heap[i] = slot;
        first[i] = key;
    }

    /** @return the slot of the first entry, removed; the queue must not be empty */
    int pop() {
        if (frontSize > 0) {
            return front[--frontSize];
        }
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) {
            siftDownFromTop(last, first[size]);
        }
        return top;
    }

    /**
     * Fills the hole at the root with the entry {@code slot}: the hole first walks down to a leaf along the smaller
     * children (one comparison per level), then the entry rises from there (Wegener's bottom-up heapsort step). The
     * entry came from the heap's end, so it usually rises little: about half the comparisons of a plain sift-down.
     */
    private void siftDownFromTop(int slot, long key) {
        int i = 0;
        int n = size;
        int child;
        while ((child = 2 * i + 1) < n) {
            if (child + 1 < n && before(first[child + 1], heap[child + 1], first[child], heap[child])) {
                child++;
            }
            heap[i] = heap[child];
            first[i] = first[child];
            i = child;
        }
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(key, slot, first[parent], heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            first[i] = first[parent];
            i = parent;
        }
        heap[i] = slot;
        first[i] = key;
    }

    /** @return true if entry {@code a} (first key {@code ka}) goes before entry {@code b} (first key {@code kb}) */
    private boolean before(long ka, int a, long kb, int b) {
        return ka != kb ? ka < kb : entries.before(a, b);
    }
}
