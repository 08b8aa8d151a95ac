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
    /** the binary min-heap. */
    private final Events heap = new Events(64);
    /** the lane, sorted latest first: its earliest event is at {@code size - 1}. */
    private final Events lane = new Events(8);

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
        Events e = lane;
        int i = e.grow();
        while (i > 0 && less(e.times[i - 1], e.keys[i - 1], t, k)) {
            e.move(i - 1, i);
            i--;
        }
        e.set(i, t, k, p);
    }

    private void heapInsert(long t, long k, long p) {
        Events e = heap;
        int i = e.grow();
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(t, k, e.times[parent], e.keys[parent])) {
                break;
            }
            e.move(parent, i);
            i = parent;
        }
        e.set(i, t, k, p);
    }

    /** @return true if no event is pending */
    boolean isEmpty() {
        return heap.size == 0 && lane.size == 0;
    }

    /** @return number of pending events */
    int size() {
        return heap.size + lane.size;
    }

    /** @return time of the earliest pending event; the queue must not be empty */
    long peekTime() {
        if (lane.size == 0) {
            return heap.times[0];
        }
        long first = lane.times[lane.size - 1];
        return heap.size == 0 ? first : Math.min(first, heap.times[0]);
    }

    /** Removes the earliest event and makes it readable through the accessors. */
    void pop() {
        Events h = heap;
        Events ln = lane;
        int l = ln.size - 1;
        if (l >= 0 && (h.size == 0 || less(ln.times[l], ln.keys[l], h.times[0], h.keys[0]))) {
            take(ln, l);
            ln.size = l;
            return;
        }
        take(h, 0);
        int last = --h.size;
        if (last == 0) {
            return;
        }
        long t = h.times[last];
        long k = h.keys[last];
        long p = h.payloads[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && less(h.times[child + 1], h.keys[child + 1], h.times[child], h.keys[child])) {
                child++;
            }
            if (!less(h.times[child], h.keys[child], t, k)) {
                break;
            }
            h.move(child, i);
            i = child;
        }
        h.set(i, t, k, p);
    }

    private void take(Events e, int i) {
        time = e.times[i];
        kind = (int) (e.keys[i] >>> 56);
        payload = e.payloads[i];
    }

    private static boolean less(long t1, long k1, long t2, long k2) {
        return t1 < t2 || (t1 == t2 && k1 < k2);
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

    /** Events in three parallel arrays (time; kind and sequence; both payloads), grown by doubling. */
    private static final class Events {
        long[] times;
        long[] keys;
        long[] payloads;
        int size;

        Events(int capacity) {
            times = new long[capacity];
            keys = new long[capacity];
            payloads = new long[capacity];
        }

        /** Makes room for one more event; @return its index (the old size) */
        int grow() {
            if (size == times.length) {
                int n = size * 2;
                times = Arrays.copyOf(times, n);
                keys = Arrays.copyOf(keys, n);
                payloads = Arrays.copyOf(payloads, n);
            }
            return size++;
        }

        void set(int i, long t, long k, long p) {
            times[i] = t;
            keys[i] = k;
            payloads[i] = p;
        }

        void move(int from, int to) {
            times[to] = times[from];
            keys[to] = keys[from];
            payloads[to] = payloads[from];
        }
    }
}
