package org.rtmmlab.engine.sim;

import java.util.Arrays;

/**
 * Primitive priority queue of simulation events ordered by (time, kind priority, insertion sequence), so two runs
 * with the same inputs pop events in exactly the same order. No boxing and no allocation once the arrays have grown
 * to the run's working size. After {@link #pop()} the popped event is readable through {@link #time()},
 * {@link #kind()}, {@link #a()} and {@link #b()}.
 *
 * <p>Events of one frequent kind (the lane kind: the default engine's block completions, one per running block) are
 * kept apart in a short array sorted by the same order, every other event in a binary min-heap; {@link #pop()}
 * takes the earlier of the two heads. The order is the same as one heap's (both compare the same unique keys), but
 * a block's completion costs a short insertion instead of a climb and a descent through a heap that holds every
 * pending release and deadline check. The lane's insertion is linear in its length, which the platform's partition
 * count bounds.
 */
final class EventQueue {

    private static final long SEQUENCE_MASK = 0x00FF_FFFF_FFFF_FFFFL;

    private final int laneKind;

    // the heap
    private long[] times = new long[64];
    /** kind priority in the top 8 bits, insertion sequence below. */
    private long[] keys = new long[64];
    /** first payload in the high 32 bits, second in the low 32. */
    private long[] payloads = new long[64];
    private int size;

    // the lane, sorted latest first: its earliest event is at laneSize - 1
    private long[] laneTimes = new long[8];
    private long[] laneKeys = new long[8];
    private long[] lanePayloads = new long[8];
    private int laneSize;

    private long sequence;

    private long time;
    private int kind;
    private long payload;

    /** A queue that keeps every event in its heap. */
    EventQueue() {
        this(-1);
    }

    /** @param laneKind kind whose events are kept in the sorted lane (-1: none) */
    EventQueue(int laneKind) {
        this.laneKind = laneKind;
    }

    /**
     * Adds an event.
     *
     * @param timeNs when it happens
     * @param kind   kind priority, 0..127 (lower pops first at equal time)
     * @param a      first payload
     * @param b      second payload
     */
    void push(long timeNs, int kind, int a, int b) {
        long key = ((long) kind << 56) | (sequence++ & SEQUENCE_MASK);
        long p = ((long) a << 32) | (b & 0xFFFF_FFFFL);
        if (kind == laneKind) {
            laneInsert(timeNs, key, p);
        } else {
            heapInsert(timeNs, key, p);
        }
    }

    private void laneInsert(long t, long k, long p) {
        if (laneSize == laneTimes.length) {
            int n = laneSize * 2;
            laneTimes = Arrays.copyOf(laneTimes, n);
            laneKeys = Arrays.copyOf(laneKeys, n);
            lanePayloads = Arrays.copyOf(lanePayloads, n);
        }
        int i = laneSize++;
        while (i > 0 && less(laneTimes[i - 1], laneKeys[i - 1], t, k)) {
            laneTimes[i] = laneTimes[i - 1];
            laneKeys[i] = laneKeys[i - 1];
            lanePayloads[i] = lanePayloads[i - 1];
            i--;
        }
        laneTimes[i] = t;
        laneKeys[i] = k;
        lanePayloads[i] = p;
    }

    private void heapInsert(long t, long k, long p) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            keys = Arrays.copyOf(keys, n);
            payloads = Arrays.copyOf(payloads, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(t, k, times[parent], keys[parent])) {
                break;
            }
            place(i, times[parent], keys[parent], payloads[parent]);
            i = parent;
        }
        place(i, t, k, p);
    }

    /** @return true if no event is pending */
    boolean isEmpty() {
        return size == 0 && laneSize == 0;
    }

    /** @return number of pending events */
    int size() {
        return size + laneSize;
    }

    /** @return time of the earliest pending event; the queue must not be empty */
    long peekTime() {
        if (laneSize == 0) {
            return times[0];
        }
        long lane = laneTimes[laneSize - 1];
        return size == 0 ? lane : Math.min(lane, times[0]);
    }

    /** Removes the earliest event and makes it readable through the accessors. */
    void pop() {
        int l = laneSize - 1;
        if (l >= 0 && (size == 0 || less(laneTimes[l], laneKeys[l], times[0], keys[0]))) {
            take(laneTimes[l], laneKeys[l], lanePayloads[l]);
            laneSize = l;
            return;
        }
        take(times[0], keys[0], payloads[0]);
        int last = --size;
        if (last == 0) {
            return;
        }
        long t = times[last];
        long k = keys[last];
        long p = payloads[last];
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
            place(i, times[child], keys[child], payloads[child]);
            i = child;
        }
        place(i, t, k, p);
    }

    private void take(long t, long k, long p) {
        time = t;
        kind = (int) (k >>> 56);
        payload = p;
    }

    private static boolean less(long t1, long k1, long t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
    }

    private void place(int i, long t, long k, long p) {
        times[i] = t;
        keys[i] = k;
        payloads[i] = p;
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
        return (int) (payload >>> 32);
    }

    /** @return second payload of the last popped event */
    int b() {
        return (int) payload;
    }
}
