package org.rtmmlab.scheduler.planaria;

import java.util.Arrays;

/**
 * A binary min-heap of entry slots (small ints naming a job's entry in {@link Backlog}) in an order given by its
 * owner, with each slot's position kept so that any slot can be removed in O(log n). No allocation once its arrays
 * have grown.
 */
final class SlotHeap {

    /** The heap's order: a strict total order on slots. */
    interface Order {
        /** @return true if slot {@code a} comes before slot {@code b} */
        boolean before(int a, int b);
    }

    private final Order order;
    private int[] heap = new int[16];
    /** Position of each slot in {@link #heap}, or -1 when not in it. */
    private int[] pos = new int[0];
    private int size;

    SlotHeap(Order order) {
        this.order = order;
    }

    /** @return true if {@code slot} is in this heap */
    boolean contains(int slot) {
        return slot < pos.length && pos[slot] >= 0;
    }

    int size() {
        return size;
    }

    /** @return the {@code i}-th slot of the heap's array (any order), for a walk over every slot */
    int at(int i) {
        return heap[i];
    }

    /** @return the first slot (the heap must not be empty) */
    int peek() {
        return heap[0];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            pos[heap[i]] = -1;
        }
        size = 0;
    }

    void push(int slot) {
        addUnordered(slot);
        siftUp(size - 1);
    }

    /** Appends {@code slot} without ordering: call {@link #heapify()} before any other operation. */
    void addUnordered(int slot) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        if (slot >= pos.length) {
            int old = pos.length;
            pos = Arrays.copyOf(pos, Math.max(slot + 1, 2 * old));
            Arrays.fill(pos, old, pos.length, -1);
        }
        heap[size] = slot;
        pos[slot] = size++;
    }

    /** Orders the slots added by {@link #addUnordered} (bottom-up: linear in the size). */
    void heapify() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** @return the first slot, removed */
    int pop() {
        int top = heap[0];
        remove(top);
        return top;
    }

    /** Removes {@code slot}, which must be in this heap. */
    void remove(int slot) {
        int i = pos[slot];
        pos[slot] = -1;
        int last = heap[--size];
        if (i == size) {
            return;
        }
        heap[i] = last;
        pos[last] = i;
        if (i > 0 && order.before(last, heap[(i - 1) >>> 1])) {
            siftUp(i);
        } else {
            siftDown(i);
        }
    }

    private void siftUp(int i) {
        int slot = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!order.before(slot, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            pos[heap[i]] = i;
            i = parent;
        }
        heap[i] = slot;
        pos[slot] = i;
    }

    private void siftDown(int i) {
        int slot = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && order.before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!order.before(heap[child], slot)) {
                break;
            }
            heap[i] = heap[child];
            pos[heap[i]] = i;
            i = child;
        }
        heap[i] = slot;
        pos[slot] = i;
    }
}
