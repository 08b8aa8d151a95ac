package org.rtmmlab.report.trace;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counter tracks derived from the record stream and written in time order: queue length of the run (requests
 * released but not started, and started but not ended) and the busy share of each accelerator. Records arrive when
 * things end, so each record adds changes at earlier times (+1 at arrival, -1 at start, ...); the changes wait in a
 * time-sorted buffer until the {@link ReleaseWatermark} passes them, and only then are the absolute values known and
 * written. Shares are kept as integer parts per million so that adding and removing them is exact.
 *
 * <p>If the buffer ever holds more than {@link #MAX_PENDING} time points (a request stays in flight for very long
 * while much else happens) the oldest ones are written anyway; a change that arrives later for an already written
 * time is then applied at the last written time and counted in {@link #lateChanges()}.
 */
final class CounterTimeline {

    /** Buffered time points above which the oldest are written before the watermark passes them. */
    static final int MAX_PENDING = 1 << 17;

    /** Series index: released, not started. */
    static final int QUEUED = 0;
    /** Series index: started (some block ran), not ended. */
    static final int STARTED = 1;
    /** First accelerator series index. */
    static final int ACC0 = 2;

    /** Writes one counter value change. */
    interface Sink {
        /** The queue counts changed at {@code tsNs}. */
        void queue(long tsNs, long queued, long started) throws IOException;

        /** The busy share (0..partitions) of accelerator {@code acc} changed at {@code tsNs}. */
        void busy(long tsNs, int acc, double share) throws IOException;
    }

    private final int series;
    private final TreeMap<Long, long[]> pending = new TreeMap<>();
    private final long[] value;
    private final Sink sink;
    private long writtenUpTo = Long.MIN_VALUE;
    private long lateChanges;
    private int maxPending;

    CounterTimeline(int accelerators, Sink sink) {
        this.series = ACC0 + accelerators;
        this.value = new long[series];
        this.sink = sink;
    }

    /** Adds {@code delta} to series {@code s} from time {@code tsNs} on. */
    void change(long tsNs, int s, long delta) throws IOException {
        if (delta == 0) {
            return;
        }
        if (tsNs <= writtenUpTo) {
            lateChanges++;
            value[s] += delta;
            emitOne(writtenUpTo, s);
            return;
        }
        pending.computeIfAbsent(tsNs, k -> new long[series])[s] += delta;
        maxPending = Math.max(maxPending, pending.size());
        while (pending.size() > MAX_PENDING) {
            writeFirst();
        }
    }

    /** Adds a busy share in (0, 1] of accelerator {@code acc} over [startNs, endNs). */
    void busy(int acc, long startNs, long endNs, double share) throws IOException {
        long ppm = Math.round(share * 1_000_000);
        change(startNs, ACC0 + acc, ppm);
        change(endNs, ACC0 + acc, -ppm);
    }

    /** Writes every buffered change strictly before {@code tsNs}, in time order. */
    void advance(long tsNs) throws IOException {
        while (!pending.isEmpty() && pending.firstKey() < tsNs) {
            writeFirst();
        }
    }

    /** Writes everything left (end of run). */
    void flush() throws IOException {
        while (!pending.isEmpty()) {
            writeFirst();
        }
    }

    private void writeFirst() throws IOException {
        Map.Entry<Long, long[]> e = pending.pollFirstEntry();
        long[] d = e.getValue();
        for (int s = 0; s < series; s++) {
            value[s] += d[s];
        }
        writtenUpTo = e.getKey();
        emit(e.getKey(), d);
    }

    /** Writes the series whose delta in {@code d} is not zero. */
    private void emit(long t, long[] d) throws IOException {
        if (d[QUEUED] != 0 || d[STARTED] != 0) {
            sink.queue(t, value[QUEUED], value[STARTED]);
        }
        for (int s = ACC0; s < series; s++) {
            if (d[s] != 0) {
                sink.busy(t, s - ACC0, value[s] / 1e6);
            }
        }
    }

    private void emitOne(long t, int s) throws IOException {
        if (s >= ACC0) {
            sink.busy(t, s - ACC0, value[s] / 1e6);
        } else {
            sink.queue(t, value[QUEUED], value[STARTED]);
        }
    }

    /** @return changes that arrived for times already written (0 when the watermark held) */
    long lateChanges() {
        return lateChanges;
    }

    /** @return the most time points buffered at once */
    int maxPending() {
        return maxPending;
    }

    /** @return time points buffered now */
    int pending() {
        return pending.size();
    }
}
