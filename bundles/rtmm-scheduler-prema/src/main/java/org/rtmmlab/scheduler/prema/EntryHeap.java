package org.rtmmlab.scheduler.prema;

import java.util.Arrays;

/**
 * A binary min-heap of entries ordered by {@code (k1, k2, k3)} lexicographically, each entry carrying a slot and the
 * slot's version when it was pushed (an entry whose version no longer matches its slot's is stale and is dropped
 * when it comes to the top). The keys are stored in the heap, so re-keying a slot never disturbs the heap: it gets a
 * new entry and the old one goes stale. No allocation once the arrays have grown.
 */
final class EntryHeap {

    private long[] k1 = new long[8];
    private long[] k2 = new long[8];
    private long[] k3 = new long[8];
    private int[] slot = new int[8];
    private int[] version = new int[8];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** @return the top entry's slot; the heap must not be empty */
    int slot() {
        return slot[0];
    }

    /** @return the top entry's version */
    int version() {
        return version[0];
    }

    /** @return the top entry's first key */
    long key1() {
        return k1[0];
    }

    /** @return true if no entry but the top has the top's first key (the heap must not be empty) */
    boolean topKeyUnique() {
        // entries with the top's first key form a subtree at the top: enough to look at its children
        return (size < 2 || k1[1] != k1[0]) && (size < 3 || k1[2] != k1[0]);
    }

    void push(long a, long b, long c, int s, int v) {
        if (size == slot.length) {
            int n = size * 2;
            k1 = Arrays.copyOf(k1, n);
            k2 = Arrays.copyOf(k2, n);
            k3 = Arrays.copyOf(k3, n);
            slot = Arrays.copyOf(slot, n);
            version = Arrays.copyOf(version, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(a, b, c, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, a, b, c, s, v);
    }

    /** Removes the top entry; the heap must not be empty. */
    void pop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        long a = k1[last];
        long b = k2[last];
        long c = k3[last];
        int s = slot[last];
        int v = version[last];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && less(k1[child + 1], k2[child + 1], k3[child + 1], child)) {
                child++;
            }
            if (!less(k1[child], k2[child], k3[child], a, b, c)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, a, b, c, s, v);
    }

    private boolean less(long a, long b, long c, int at) {
        return less(a, b, c, k1[at], k2[at], k3[at]);
    }

    private static boolean less(long a, long b, long c, long x, long y, long z) {
        if (a != x) {
            return a < x;
        }
        if (b != y) {
            return b < y;
        }
        return c < z;
    }

    private void move(int from, int to) {
        set(to, k1[from], k2[from], k3[from], slot[from], version[from]);
    }

    private void set(int i, long a, long b, long c, int s, int v) {
        k1[i] = a;
        k2[i] = b;
        k3[i] = c;
        slot[i] = s;
        version[i] = v;
    }
}
