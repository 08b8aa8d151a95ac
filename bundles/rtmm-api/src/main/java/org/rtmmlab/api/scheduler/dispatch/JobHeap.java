package org.rtmmlab.api.scheduler.dispatch;

import java.util.Arrays;

/**
 * A binary min-heap of job entries ordered by {@code (key1, key2, arrival, id)}, lexicographically (ids are unique, so
 * the order is total and the pop order does not depend on the insertion order). Entries are slots of parallel arrays
 * owned by {@link JobOrder}; the heap holds slot numbers only. No allocation once the arrays have grown.
 */
final class JobHeap {

    private final JobOrder.Entries entries;
    private int[] heap = new int[16];
    /** {@code key1} of the entry at each heap position, so most comparisons read one array. */
    private long[] first = new long[16];
    private int size;

    JobHeap(JobOrder.Entries entries) {
        this.entries = entries;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** @return the slot of the first entry without removing it; the heap must not be empty */
    int peek() {
        return heap[0];
    }

    void push(int slot) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            first = Arrays.copyOf(first, size * 2);
        }
        long key = entries.key1[slot];
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

    /** @return the slot of the first entry, removed; the heap must not be empty */
    int pop() {
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) {
            siftDown(last, first[size]);
        }
        return top;
    }

    private void siftDown(int slot, long key) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            long ck = first[child];
            if (child + 1 < size && before(first[child + 1], heap[child + 1], ck, c)) {
                child++;
                c = heap[child];
                ck = first[child];
            }
            if (!before(ck, c, key, slot)) {
                break;
            }
            heap[i] = c;
            first[i] = ck;
            i = child;
        }
        heap[i] = slot;
        first[i] = key;
    }

    /** @return true if entry {@code a} (first key {@code ka}) goes before entry {@code b} (first key {@code kb}) */
    private boolean before(long ka, int a, long kb, int b) {
        return ka != kb ? ka < kb : entries.before(a, b);
    }
}
