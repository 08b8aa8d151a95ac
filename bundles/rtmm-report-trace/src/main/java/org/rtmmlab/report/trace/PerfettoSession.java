package org.rtmmlab.report.trace;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.workload.Task;

/**
 * One run's {@value TraceOptions#PERFETTO_FILE}: Perfetto TrackEvents written by {@link PerfettoWriter}.
 *
 * <p>Tracks (all under one root track named after the run, in this order): per accelerator a group named by its id
 * with a track per lane ({@link Lanes}: {@code blocks}, {@code lane 1}, ...; a slice per executed block, named
 * {@code model:first-last}, category {@code block}, with the arguments of trace.json's block events, but
 * {@code switch_us} only when not 0 and {@code share} only when not 1) and a counter
 * {@code utilisation} (sum of the shares running); a group {@code requests} with a track per task (instants
 * {@code arrival}, {@code drop}, {@code deadline miss}) and the counters {@code queued} and {@code started}; a track
 * {@code scheduler} with an instant per hot swap. Flows (arrows) lead from the last block of an upstream frame to
 * the first block of the cascaded request of the same frame (to its arrival if it never ran). Times are the run's
 * simulated nanoseconds.
 *
 * <p>Order. Perfetto wants the timestamps of one packet sequence not to decrease, but records arrive when requests
 * end. Events therefore wait in a queue ordered by time until the {@link ReleaseWatermark} says nothing earlier can
 * come, as the counters do ({@link CounterTimeline}); the queue holds what the requests in flight span, not the run.
 * At equal times, slice ends go first, then zero-length slices, then begins, instants and counters, so slices on
 * one lane never overlap.
 *
 * <p>Window ({@value TraceOptions#WINDOW}): events outside [FROM, TO) are dropped before they are queued, slices
 * crossing an edge are cut at it (argument {@code clipped}), and each counter starts at FROM with its value then.
 */
final class PerfettoSession extends TimelineSession {

    private static final String CAT_BLOCK = TraceSession.CAT_BLOCK;
    private static final String CAT_REQUEST = TraceSession.CAT_REQUEST;
    private static final String CAT_SCHEDULER = TraceSession.CAT_SCHEDULER;

    private static final long ROOT = 1;
    private static final long REQUESTS = 2;
    private static final long QUEUED = 3;
    private static final long STARTED = 4;
    private static final long SCHEDULER = 5;

    /** Phases at one time: ends of slices first, then zero-length slices, then everything else. */
    private static final int PHASE_END = 0;
    private static final int PHASE_POINT = 1;
    private static final int PHASE_OTHER = 2;

    /** Writes one queued event. */
    @FunctionalInterface
    private interface Emit {
        void write(PerfettoWriter w, long tsNs) throws IOException;
    }

    /** A queued event: time, phase at that time, arrival order (ties), what to write. */
    private record Queued(long tsNs, int phase, long seq, Emit emit) implements Comparable<Queued> {
        @Override
        public int compareTo(Queued o) {
            int c = Long.compare(tsNs, o.tsNs);
            if (c == 0) {
                c = Integer.compare(phase, o.phase);
            }
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PerfettoWriter out;
    private final TraceOptions options;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>();
    /** Per counter track: value at the last change before the window, and whether the window has its first value. */
    private final Map<Long, Double> beforeWindow = new HashMap<>();
    private final Map<Long, Boolean> counterStarted = new HashMap<>();
    private long seq;
    private boolean windowStarted;
    private int maxQueued;

    private PerfettoSession(PerfettoWriter out, RunInfo run, TraceOptions options) {
        super(run);
        this.out = out;
        this.options = options;
        List<Accelerator> accelerators = run.platform().accelerators();
        List<Task> tasks = run.scenario().tasks();
        for (int a = 0; a < lanes.length; a++) {
            out.define(new PerfettoWriter.Track(acceleratorUuid(a), ROOT, accelerators.get(a).id(), a, false, true));
            out.define(new PerfettoWriter.Track(busyUuid(a), acceleratorUuid(a), "utilisation", Lanes.MAX, true,
                    false));
        }
        out.define(new PerfettoWriter.Track(REQUESTS, ROOT, "requests", accelerators.size(), false, true));
        for (int t = 0; t < tasks.size(); t++) {
            out.define(new PerfettoWriter.Track(taskUuid(t), REQUESTS, tasks.get(t).id(), t, false, false));
        }
        out.define(new PerfettoWriter.Track(QUEUED, REQUESTS, "queued", tasks.size(), true, false));
        out.define(new PerfettoWriter.Track(STARTED, REQUESTS, "started", tasks.size() + 1, true, false));
        out.define(new PerfettoWriter.Track(SCHEDULER, ROOT, "scheduler", accelerators.size() + 1, false, false));
    }

    /** Creates {@code file} and writes the root track and the run's description. */
    static PerfettoSession open(RunInfo run, Path file, TraceOptions options) throws IOException {
        String title = run.config().scenario() + " on " + run.config().platform() + " (" + run.config().scheduler()
                + ", seed " + run.config().seed() + ")";
        BufferedOutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            PerfettoWriter w = new PerfettoWriter(os, options.maxBytes(),
                    new PerfettoWriter.Track(ROOT, 0, title, 0, false, true));
            PerfettoSession s = new PerfettoSession(w, run, options);
            long at = options.fromNs();
            w.instant(at, ROOT, "run", "run", 0, a -> {
                a.arg("scenario", run.config().scenario());
                a.arg("platform", run.config().platform());
                a.arg("scheduler", run.config().scheduler());
                a.arg("seed", run.config().seed());
                a.arg("xrbench_compat", run.config().xrbenchCompat());
                a.arg("duration_ns", s.horizonNs);
                a.arg("lab_version", run.labVersion() == null ? "" : run.labVersion());
                if (options.windowed()) {
                    a.arg("window_from_ns", options.fromNs());
                    a.arg("window_to_ns", Math.min(options.toNs(), s.horizonNs));
                }
                for (Map.Entry<String, String> e : run.config().properties().entrySet()) {
                    a.arg("property " + e.getKey(), e.getValue());
                }
            });
            return s;
        } catch (IOException | RuntimeException e) {
            try {
                os.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    // small uuids: a varint of 1-2 bytes on every event (uuids are unique within this file, which has one producer)

    static long acceleratorUuid(int a) {
        return 100 + 100L * a;
    }

    static long laneUuid(int a, int lane) {
        return acceleratorUuid(a) + 1 + lane; // lane < Lanes.MAX = 64
    }

    static long busyUuid(int a) {
        return acceleratorUuid(a) + 99;
    }

    static long taskUuid(int t) {
        return 1_000_000_000L + t;
    }

    /** @return the flow id from frame {@code frame} of upstream task {@code task} to its cascaded request */
    static long flowId(int task, long frame) {
        return ((task + 1L) << 40) | (frame & ((1L << 40) - 1));
    }

    @Override
    void queueCounters(long tsNs, long queued, long started) {
        counter(QUEUED, tsNs, queued);
        counter(STARTED, tsNs, started);
    }

    @Override
    void busyCounter(long tsNs, int acc, double share) {
        counter(busyUuid(acc), tsNs, share);
    }

    @Override
    void laneUsed(int a, int lane) throws IOException {
        if (!out.defined(laneUuid(a, lane))) {
            out.define(new PerfettoWriter.Track(laneUuid(a, lane), acceleratorUuid(a), lane == 0 ? "blocks"
                    : "lane " + lane, lane, false, false));
        }
    }

    @Override
    public void onSwap(SchedulerSwap swap) throws IOException {
        checkOpen();
        if (!options.contains(swap.timeNs())) {
            return;
        }
        enqueue(swap.timeNs(), PHASE_OTHER, (w, ts) -> w.instant(ts, SCHEDULER, CAT_SCHEDULER,
                "swap " + swap.fromScheduler() + " -> " + swap.toScheduler(), 0, a -> {
                    a.arg("from", swap.fromScheduler());
                    a.arg("from_bundle", swap.fromBundle());
                    a.arg("from_version", swap.fromVersion());
                    a.arg("to", swap.toScheduler());
                    a.arg("to_bundle", swap.toBundle());
                    a.arg("to_version", swap.toVersion());
                    for (Map.Entry<String, String> e : swap.properties().entrySet()) {
                        a.arg("property " + e.getKey(), e.getValue());
                    }
                }));
    }

    @Override
    public void onRequest(RequestRecord r) throws IOException {
        checkOpen();
        int task = taskOf(r);
        List<PendingBlock> blocks = takeBlocks(r);
        boolean ran = blocks != null && !blocks.isEmpty();
        boolean completed = r.outcome() == Outcome.ON_TIME || r.outcome() == Outcome.LATE;
        long flowIn = 0;
        if (task >= 0 && upstreamOf[task] >= 0) {
            CascadeLinks.Anchor from = links.get(upstreamOf[task], r.frame());
            if (from != null) { // the upstream frame's last block is in the trace
                flowIn = flowId(upstreamOf[task], r.frame());
            }
        }
        if (ran) {
            for (int i = 0; i < blocks.size(); i++) {
                PendingBlock b = blocks.get(i);
                boolean last = i == blocks.size() - 1;
                long flowOut = last && task >= 0 && isUpstream[task] && completed ? flowId(task, r.frame()) : 0;
                block(r, 0, b, flowOut, i == 0 ? flowIn : 0);
            }
            PendingBlock last = blocks.get(blocks.size() - 1);
            if (task >= 0 && isUpstream[task] && completed && options.overlaps(last.startNs(), last.endNs())) {
                links.put(task, r.frame(), new CascadeLinks.Anchor(last.accelerator(), last.lane(), last.startNs()));
            }
        }
        long track = task >= 0 ? taskUuid(task) : REQUESTS;
        long arrivalFlow = ran ? 0 : flowIn;
        if (options.contains(r.arrivalNs())) {
            enqueue(r.arrivalNs(), PHASE_OTHER, (w, ts) -> w.instant(ts, track, CAT_REQUEST, "arrival", arrivalFlow,
                    a -> {
                        a.arg("request", r.requestId());
                        a.arg("frame", r.frame());
                        a.arg("deadline_ms", r.deadlineNs() / 1e6);
                    }));
        }
        if (r.outcome() == Outcome.DROPPED && options.contains(r.finishNs())) {
            enqueue(r.finishNs(), PHASE_OTHER, (w, ts) -> w.instant(ts, track, CAT_REQUEST, "drop", 0, a -> {
                a.arg("request", r.requestId());
                a.arg("frame", r.frame());
                a.argInterned("cause", r.dropCause().name());
            }));
        } else if ((r.outcome() == Outcome.LATE || r.outcome() == Outcome.IN_FLIGHT && r.deadlineNs() < horizonNs)
                && options.contains(r.deadlineNs())) {
            enqueue(r.deadlineNs(), PHASE_OTHER, (w, ts) -> w.instant(ts, track, CAT_REQUEST, "deadline miss", 0,
                    a -> {
                        a.arg("request", r.requestId());
                        a.arg("frame", r.frame());
                        a.argInterned("outcome", r.outcome().name());
                    }));
        }
        requestEnded(r);
    }

    @Override
    void released(long watermarkNs) throws IOException {
        drain(watermarkNs);
    }

    /**
     * Queues the slice of one block, cut to the window.
     *
     * @param r        its request, or null for a block whose request never reported (then named by {@code orphanOf})
     */
    private void block(RequestRecord r, long orphanOf, PendingBlock b, long flowOut, long flowIn) {
        if (!options.overlaps(b.startNs(), b.endNs())) {
            return;
        }
        long start = Math.max(b.startNs(), options.fromNs());
        long end = Math.min(b.endNs(), options.toNs());
        boolean clipped = start != b.startNs() || end != b.endNs();
        long track = laneUuid(b.accelerator(), b.lane());
        String sliceName = (r == null ? "request " + orphanOf : r.model()) + ":" + b.firstLayer() + "-"
                + (b.firstLayer() + b.layers() - 1);
        PerfettoWriter.Args args = a -> {
            if (r != null) {
                a.arg("request", r.requestId());
                a.argInterned("task", r.task());
                a.arg("frame", r.frame());
                a.argInterned("variant", r.variant());
                a.argInterned("outcome", r.outcome().name());
                a.arg("deadline_ms", r.deadlineNs() / 1e6);
                a.arg("slack_ms", (r.deadlineNs() - b.endNs()) / 1e6);
            }
            a.arg("energy_mj", b.energyPj() * 1e-9);
            if (b.switchNs() != 0) { // compact: the usual values are left out
                a.arg("switch_us", b.switchNs() / 1e3);
            }
            if (b.share() != 1) {
                a.arg("share", b.share());
            }
            if (clipped) {
                a.arg("clipped", true);
                a.arg("start_ns", b.startNs());
                a.arg("end_ns", b.endNs());
            }
        };
        if (end == start) {
            enqueue(start, PHASE_POINT, (w, ts) -> {
                w.begin(ts, track, CAT_BLOCK, sliceName, flowOut, flowIn, args);
                w.end(ts, track);
            });
        } else {
            enqueue(start, PHASE_OTHER, (w, ts) -> w.begin(ts, track, CAT_BLOCK, sliceName, flowOut, flowIn, args));
            enqueue(end, PHASE_END, (w, ts) -> w.end(ts, track));
        }
    }

    /** A counter change from the timeline (in time order): kept if in the window, else remembered for its start. */
    private void counter(long track, long tsNs, double value) {
        if (tsNs < options.fromNs()) {
            beforeWindow.put(track, value);
            return;
        }
        if (tsNs >= options.toNs()) {
            return;
        }
        startCounter(track);
        enqueue(tsNs, PHASE_OTHER, (w, ts) -> w.counter(ts, track, value));
    }

    /** Writes a counter's value at the window's start, once, before its first change inside the window. */
    private void startCounter(long track) {
        if (counterStarted.putIfAbsent(track, Boolean.TRUE) == null) {
            Double v = beforeWindow.remove(track);
            if (v != null) {
                double value = v;
                enqueue(options.fromNs(), PHASE_OTHER, (w, ts) -> w.counter(ts, track, value));
            }
        }
    }

    private void enqueue(long tsNs, int phase, Emit emit) {
        queue.add(new Queued(tsNs, phase, seq++, emit));
        maxQueued = Math.max(maxQueued, queue.size());
    }

    /** Writes every queued event before {@code tsNs}, in order. */
    private void drain(long tsNs) throws IOException {
        if (!windowStarted && tsNs > options.fromNs()) {
            // every counter known before the window gets its value at FROM now, before anything later is written
            windowStarted = true;
            for (Long track : new java.util.TreeSet<>(beforeWindow.keySet())) {
                startCounter(track);
            }
        }
        while (!queue.isEmpty() && queue.peek().tsNs() < tsNs) {
            Queued q = queue.poll();
            q.emit().write(out, q.tsNs());
        }
    }

    @Override
    Closeable output() {
        return out;
    }

    @Override
    void discard() throws IOException {
        out.abandon();
    }

    @Override
    void orphan(long requestId, PendingBlock b) {
        block(null, requestId, b, 0, 0);
    }

    @Override
    void completed() throws IOException {
        drain(Long.MAX_VALUE);
        while (!queue.isEmpty()) { // events at Long.MAX_VALUE itself (not expected)
            Queued q = queue.poll();
            q.emit().write(out, q.tsNs());
        }
    }

    /** @return the most events queued at once (memory bound check) */
    int maxQueued() {
        return maxQueued;
    }

    /** @return the writer, for its figures */
    PerfettoWriter writer() {
        return out;
    }
}
