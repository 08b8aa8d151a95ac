package org.rtmmlab.engine.sim;

import java.util.Arrays;

/**
 * Primitive binary min-heap of simulation events ordered by (time, kind priority, insertion sequence), so two runs
 * with the same inputs pop events in exactly the same order. No boxing and no allocation once the arrays have grown
 * to the run's working size. After {@link #pop()} the popped event is readable through {@link #time()},
 * {@link #kind()}, {@link #a()} and {@link #b()}.
 */
final class EventQueue {

    private long[] times = new long[64];
    /** kind priority in the top 8 bits, insertion sequence below. */
    private long[] keys = new long[64];
    private int[] as = new int[64];
    private int[] bs = new int[64];
    private int size;
    private long sequence;

    private long time;
    private int kind;
    private int a;
    private int b;

    /**
     * Adds an event.
     *
     * @param timeNs when it happens
     * @param kind   kind priority, 0..127 (lower pops first at equal time)
     * @param a      first payload
     * @param b      second payload
     */
    void push(long timeNs, int kind, int a, int b) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            keys = Arrays.copyOf(keys, n);
            as = Arrays.copyOf(as, n);
            bs = Arrays.copyOf(bs, n);
        }
        long key = ((long) kind << 56) | (sequence++ & 0x00FF_FFFF_FFFF_FFFFL);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(timeNs, key, times[parent], keys[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = timeNs;
        keys[i] = key;
        as[i] = a;
        bs[i] = b;
    }

    /** @return true if no event is pending */
    boolean isEmpty() {
        return size == 0;
    }

    /** @return number of pending events */
    int size() {
        return size;
    }

    /** @return time of the earliest pending event; the queue must not be empty */
    long peekTime() {
        return times[0];
    }

    /** Removes the earliest event and makes it readable through the accessors. */
    void pop() {
        time = times[0];
        kind = (int) (keys[0] >>> 56);
        a = as[0];
        b = bs[0];
        int last = --size;
        if (last == 0) {
            return;
        }
        long t = times[last];
        long k = keys[last];
        int pa = as[last];
        int pb = bs[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && less(times[child + 1], keys[child + 1], times[child], keys[child])) {
                child++;
            }
            if (!less(times[child], keys[child], t, k)) {
                break;
            }
            move(child, i);
            i = child;
        }
        times[i] = t;
        keys[i] = k;
        as[i] = pa;
        bs[i] = pb;
    }

    private static boolean less(long t1, long k1, long t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        keys[to] = keys[from];
        as[to] = as[from];
        bs[to] = bs[from];
    }

    /** @return time of the last popped event */
    long time() {
        return time;
    }

    /** @return kind of the last popped event */
    int kind() {
        return kind;
    }

    /** @return first payload of the last popped event */
    int a() {
        return a;
    }

    /** @return second payload of the last popped event */
    int b() {
        return b;
    }
}
