package org.rtmmlab.engine.sim;

import java.util.Arrays;

/**
 * Primitive priority queue of simulation events ordered by (time, kind priority, insertion sequence), so two runs
 * with the same inputs pop events in exactly the same order. No boxing and no allocation once the arrays have grown
 * to the run's working size. After {@link #pop()} or {@link #popAt} the popped event is readable through
 * {@link #time()}, {@link #kind()}, {@link #a()} and {@link #b()}. Each event is three longs side by side in one
 * array (time; kind and sequence; both payloads), so a comparison or a move touches one array.
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
        int i = e.grow() * 3;
        long[] v = e.v;
        while (i > 0 && less(v[i - 3], v[i - 2], t, k)) {
            v[i] = v[i - 3];
            v[i + 1] = v[i - 2];
            v[i + 2] = v[i - 1];
            i -= 3;
        }
        v[i] = t;
        v[i + 1] = k;
        v[i + 2] = p;
    }

    private void heapInsert(long t, long k, long p) {
        Events e = heap;
        int i = e.grow();
        long[] v = e.v;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int q = parent * 3;
            if (!less(t, k, v[q], v[q + 1])) {
                break;
            }
            e.move(q, i * 3);
            i = parent;
        }
        e.set(i * 3, t, k, p);
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
            return heap.v[0];
        }
        long first = lane.v[(lane.size - 1) * 3];
        return heap.size == 0 ? first : Math.min(first, heap.v[0]);
    }

    /**
     * Removes the earliest event if it happens at {@code timeNs} and makes it readable through the accessors.
     *
     * @return false (and nothing removed) when the queue is empty or its earliest event is at another time
     */
    boolean popAt(long timeNs) {
        Events h = heap;
        Events ln = lane;
        int l = ln.size - 1;
        if (l >= 0) {
            long[] lv = ln.v;
            int q = l * 3;
            if (h.size == 0 || less(lv[q], lv[q + 1], h.v[0], h.v[1])) {
                if (lv[q] != timeNs) {
                    return false;
                }
                take(lv, q);
                ln.size = l;
                return true;
            }
        } else if (h.size == 0) {
            return false;
        }
        if (h.v[0] != timeNs) {
            return false;
        }
        popHeap();
        return true;
    }

    /** Removes the earliest event and makes it readable through the accessors. */
    void pop() {
        Events h = heap;
        Events ln = lane;
        int l = ln.size - 1;
        if (l >= 0) {
            long[] lv = ln.v;
            int q = l * 3;
            if (h.size == 0 || less(lv[q], lv[q + 1], h.v[0], h.v[1])) {
                take(lv, q);
                ln.size = l;
                return;
            }
        }
        popHeap();
    }

    private void popHeap() {
        Events h = heap;
        long[] v = h.v;
        take(v, 0);
        int last = --h.size;
        if (last == 0) {
            return;
        }
        int lq = last * 3;
        long t = v[lq];
        long k = v[lq + 1];
        long p = v[lq + 2];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            int c = child * 3;
            if (child + 1 < last && less(v[c + 3], v[c + 4], v[c], v[c + 1])) {
                child++;
                c += 3;
            }
            if (!less(v[c], v[c + 1], t, k)) {
                break;
            }
            h.move(c, i * 3);
            i = child;
        }
        h.set(i * 3, t, k, p);
    }

    private void take(long[] v, int q) {
        time = v[q];
        kind = (int) (v[q + 1] >>> 56);
        payload = v[q + 2];
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

    /** Events as (time, kind and sequence, both payloads) triples in one array, grown by doubling. */
    private static final class Events {
        long[] v;
        int size;

        Events(int capacity) {
            v = new long[capacity * 3];
        }

        /** Makes room for one more event; @return its index (the old size) */
        int grow() {
            if (size * 3 == v.length) {
                v = Arrays.copyOf(v, v.length * 2);
            }
            return size++;
        }

        /** Writes the event at array offset {@code q} (index x 3). */
        void set(int q, long t, long k, long p) {
            v[q] = t;
            v[q + 1] = k;
            v[q + 2] = p;
        }

        /** Copies the event at array offset {@code from} to offset {@code to}. */
        void move(int from, int to) {
            v[to] = v[from];
            v[to + 1] = v[from + 1];
            v[to + 2] = v[from + 2];
        }
    }
}
