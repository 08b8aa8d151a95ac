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
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!entries.before(slot, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = slot;
    }

    /** @return the slot of the first entry, removed; the heap must not be empty */
    int pop() {
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) {
            siftDown(last);
        }
        return top;
    }

    private void siftDown(int slot) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            if (child + 1 < size && entries.before(heap[child + 1], c)) {
                child++;
                c = heap[child];
            }
            if (!entries.before(c, slot)) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = slot;
    }
}
