package org.rtmmlab.report.trace;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.workload.Task;

/**
 * One run's {@code trace.json}, open from {@link TraceReporter#open} until {@link #finish}.
 *
 * <p>Layout. Accelerator {@code i} of the platform is process {@code pid = i + 1} named by its id, with one thread
 * per lane ({@link Lanes}: lane 0 for time-multiplexed work, more lanes for overlapping spatial shares). The
 * process {@code requests} ({@code pid = accelerators + 1}) has one thread per task ({@code tid = task index + 1},
 * named by the task id). Times are microseconds since the run started.
 * <ul>
 * <li>{@code X} per executed block, name {@code model:first-last} (layer indices, inclusive), category
 *     {@code block}, on its accelerator and lane; args: request, task, frame, variant, outcome of the request,
 *     deadline_ms (absolute), slack_ms (deadline minus the block's end; negative = past the deadline), energy_mj
 *     (dynamic + switch), switch_us, share.</li>
 * <li>{@code i} instants on the task's thread: {@code arrival} at the release, {@code drop} when dropped (args:
 *     cause), {@code deadline miss} at the deadline of a request that completed late or was still in flight at it.</li>
 * <li>{@code i} global instant (scope {@code g}, category {@code scheduler}) named {@code swap <from> -> <to>} at each
 *     hot swap of the scheduler; args: from, from_bundle, from_version, to, to_bundle, to_version and the new
 *     scheduler's properties.</li>
 * <li>{@code C} counters: {@code queue length} on {@code requests} (series {@code queued}: released, not started;
 *     {@code started}: started, not ended) and {@code utilisation} on each accelerator (series {@code busy}: the
 *     sum of shares running, 1 = the whole accelerator).</li>
 * <li>{@code s}/{@code f} flows (category {@code cascade}, id = the downstream request id): from the last block of
 *     an upstream frame to the first block of the cascaded request of the same frame (to its arrival instant if it
 *     never ran).</li>
 * <li>{@code M} metadata: process and thread names and sort order.</li>
 * </ul>
 *
 * <p>Streaming. Blocks arrive when they end, requests when they end. A block's X event needs its request's model,
 * deadline and variant, so blocks wait in a map keyed by request id until their request ends (bounded by the
 * requests in flight); counters wait in {@link CounterTimeline} until they are final; cascade anchors live in a
 * bounded {@link CascadeLinks}. Nothing grows with the length of the run.
 */
final class TraceSession extends TimelineSession {

    /** Category of block slices. */
    static final String CAT_BLOCK = "block";
    /** Category of request instants. */
    static final String CAT_REQUEST = "request";
    /** Category of scheduler swap instants. */
    static final String CAT_SCHEDULER = "scheduler";
    /** Category of cascade flows. */
    static final String CAT_CASCADE = "cascade";

    private static final String[] QUEUE_SERIES = {"queued", "started"};
    private static final String[] BUSY_SERIES = {"busy"};

    private final TraceWriter out;
    private final int requestsPid;
    private final int[] lanesNamed;
    /** Scratch values of the counter events. */
    private final double[] two = new double[2];
    private final double[] one = new double[1];

    private TraceSession(TraceWriter out, RunInfo run) throws IOException {
        super(run);
        this.out = out;
        List<Accelerator> accelerators = run.platform().accelerators();
        List<Task> tasks = run.scenario().tasks();
        requestsPid = accelerators.size() + 1;
        lanesNamed = new int[accelerators.size()];
        for (int a = 0; a < accelerators.size(); a++) {
            out.metadata("process_name", a + 1, 0, "name", accelerators.get(a).id());
            out.metadata("process_sort_index", a + 1, 0, "sort_index", a);
        }
        out.metadata("process_name", requestsPid, 0, "name", "requests");
        out.metadata("process_sort_index", requestsPid, 0, "sort_index", accelerators.size());
        for (int t = 0; t < tasks.size(); t++) {
            out.metadata("thread_name", requestsPid, t + 1, "name", tasks.get(t).id());
            out.metadata("thread_sort_index", requestsPid, t + 1, "sort_index", t);
        }
    }

    /** Creates {@code file} and writes the document head and the process/thread names. */
    static TraceSession open(RunInfo run, Path file, TraceOptions options) throws IOException {
        Map<String, String> other = new LinkedHashMap<>();
        other.put("scenario", run.config().scenario());
        other.put("platform", run.config().platform());
        other.put("scheduler", run.config().scheduler());
        other.put("seed", Long.toString(run.config().seed()));
        other.put("xrbenchCompat", Boolean.toString(run.config().xrbenchCompat()));
        other.put("durationNs", Long.toString(run.config().durationNs()));
        other.put("labVersion", run.labVersion() == null ? "" : run.labVersion());
        if (options.windowed()) {
            other.put("windowFromNs", Long.toString(options.fromNs()));
            other.put("windowToNs", options.toNs() == Long.MAX_VALUE ? "" : Long.toString(options.toNs()));
        }
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16);
        try {
            return new TraceSession(new TraceWriter(w, other, options), run);
        } catch (IOException | RuntimeException e) {
            try {
                w.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    void queueCounters(long tsNs, long queued, long started) throws IOException {
        two[0] = queued;
        two[1] = started;
        out.counter("queue length", tsNs, requestsPid, QUEUE_SERIES, two);
    }

    @Override
    void busyCounter(long tsNs, int acc, double share) throws IOException {
        one[0] = share;
        out.counter("utilisation", tsNs, acc + 1, BUSY_SERIES, one);
    }

    @Override
    void laneUsed(int a, int lane) throws IOException {
        while (lanesNamed[a] < lanes[a].used()) {
            int l = lanesNamed[a]++;
            out.metadata("thread_name", a + 1, l + 1, "name", l == 0 ? "blocks" : "lane " + l);
            out.metadata("thread_sort_index", a + 1, l + 1, "sort_index", l);
        }
    }

    @Override
    public void onSwap(SchedulerSwap swap) throws IOException {
        checkOpen();
        out.globalInstant("swap " + swap.fromScheduler() + " -> " + swap.toScheduler(), CAT_SCHEDULER, swap.timeNs(),
                w -> {
                    w.name("from").value(swap.fromScheduler());
                    w.name("from_bundle").value(swap.fromBundle());
                    w.name("from_version").value(swap.fromVersion());
                    w.name("to").value(swap.toScheduler());
                    w.name("to_bundle").value(swap.toBundle());
                    w.name("to_version").value(swap.toVersion());
                    w.name("properties").beginObject();
                    for (Map.Entry<String, String> e : swap.properties().entrySet()) {
                        w.name(e.getKey()).value(e.getValue());
                    }
                    w.endObject();
                });
    }

    @Override
    public void onRequest(RequestRecord r) throws IOException {
        checkOpen();
        int task = taskOf(r);
        int tid = task + 1; // unknown task: thread 0 of the requests process
        List<PendingBlock> blocks = takeBlocks(r);
        if (blocks != null) {
            for (PendingBlock b : blocks) {
                writeBlock(r, b);
            }
        }
        out.instant("arrival", CAT_REQUEST, r.arrivalNs(), requestsPid, tid, w -> {
            w.name("request").value(r.requestId());
            w.name("frame").value(r.frame());
            w.name("deadline_ms").jsonValue(millis(r.deadlineNs()));
        });
        if (r.outcome() == Outcome.DROPPED) {
            out.instant("drop", CAT_REQUEST, r.finishNs(), requestsPid, tid, w -> {
                w.name("request").value(r.requestId());
                w.name("frame").value(r.frame());
                w.name("cause").value(r.dropCause().name());
            });
        } else if (r.outcome() == Outcome.LATE
                || r.outcome() == Outcome.IN_FLIGHT && r.deadlineNs() < horizonNs) {
            out.instant("deadline miss", CAT_REQUEST, r.deadlineNs(), requestsPid, tid, w -> {
                w.name("request").value(r.requestId());
                w.name("frame").value(r.frame());
                w.name("outcome").value(r.outcome().name());
            });
        }
        if (task >= 0) {
            cascade(r, task, tid, blocks);
        }
        requestEnded(r);
    }

    private void writeBlock(RequestRecord r, PendingBlock b) throws IOException {
        String name = r.model() + ":" + b.firstLayer() + "-" + (b.firstLayer() + b.layers() - 1);
        out.complete(name, CAT_BLOCK, b.startNs(), b.endNs() - b.startNs(), b.accelerator() + 1, b.lane() + 1, w -> {
            w.name("request").value(r.requestId());
            w.name("task").value(r.task());
            w.name("frame").value(r.frame());
            w.name("variant").value(r.variant());
            w.name("outcome").value(r.outcome().name());
            w.name("deadline_ms").jsonValue(millis(r.deadlineNs()));
            w.name("slack_ms").jsonValue(millis(r.deadlineNs() - b.endNs()));
            w.name("energy_mj").value(b.energyPj() * 1e-9);
            w.name("switch_us").jsonValue(TraceWriter.micros(b.switchNs()));
            w.name("share").value(b.share());
        });
    }

    /** Remembers where an upstream frame ended; draws the arrow into a cascaded request. */
    private void cascade(RequestRecord r, int task, int tid, List<PendingBlock> blocks) throws IOException {
        boolean ran = blocks != null && !blocks.isEmpty();
        if (isUpstream[task] && ran && (r.outcome() == Outcome.ON_TIME || r.outcome() == Outcome.LATE)) {
            PendingBlock last = blocks.get(blocks.size() - 1);
            long ts = last.endNs() - last.startNs() > 1 ? last.endNs() - 1 : last.startNs();
            links.put(task, r.frame(), new CascadeLinks.Anchor(last.accelerator() + 1, last.lane() + 1, ts));
        }
        int up = upstreamOf[task];
        if (up < 0) {
            return;
        }
        CascadeLinks.Anchor from = links.get(up, r.frame());
        if (from == null) {
            return;
        }
        out.flow(true, "cascade", CAT_CASCADE, r.requestId(), from.tsNs(), from.pid(), from.tid());
        if (ran) {
            PendingBlock first = blocks.get(0);
            long ts = first.endNs() - first.startNs() > 1 ? first.startNs() + 1 : first.startNs();
            out.flow(false, "cascade", CAT_CASCADE, r.requestId(), ts, first.accelerator() + 1, first.lane() + 1);
        } else {
            out.flow(false, "cascade", CAT_CASCADE, r.requestId(), r.arrivalNs(), requestsPid, tid);
        }
    }

    @Override
    Closeable output() {
        return out;
    }

    @Override
    void discard() throws IOException {
        out.close();
    }

    @Override
    void orphan(long requestId, PendingBlock b) throws IOException {
        out.complete("request " + requestId + ":" + b.firstLayer() + "-" + (b.firstLayer() + b.layers() - 1),
                CAT_BLOCK, b.startNs(), b.endNs() - b.startNs(), b.accelerator() + 1, b.lane() + 1,
                a -> a.name("request").value(requestId));
    }

    /** @return nanoseconds as milliseconds, exact decimal text without trailing zeros */
    static String millis(long ns) {
        return BigDecimal.valueOf(ns, 6).stripTrailingZeros().toPlainString();
    }

    /** @return events written so far */
    long events() {
        return out.events();
    }

    /** @return complete (block) events written so far */
    long completeEvents() {
        return out.completeEvents();
    }
}
