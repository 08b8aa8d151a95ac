package org.rtmmlab.report.trace;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Task;

/**
 * What both trace formats ({@link TraceSession}, {@link PerfettoSession}) do alike: the run's task graph (index,
 * upstream task), the lanes of each accelerator, blocks waiting for their request record, the queue and
 * utilisation counters released by the {@link ReleaseWatermark}, and the abort/finish guard. A subclass writes.
 */
abstract class TimelineSession implements ReportSession {

    /** A block waiting for its request record. */
    record PendingBlock(int accelerator, int lane, int firstLayer, int layers, long startNs, long endNs,
                        long switchNs, double energyPj, double share) {
    }

    private final Map<String, Integer> taskIndex = new HashMap<>();
    /** Per task: index of its upstream task, or -1. */
    final int[] upstreamOf;
    /** Per task: whether another task cascades from it. */
    final boolean[] isUpstream;
    /** The run's simulated length: a request still in flight with a deadline before it missed it. */
    final long horizonNs;
    final Lanes[] lanes;
    final CascadeLinks links;
    final CounterTimeline counters;
    private final Map<Long, List<PendingBlock>> pendingBlocks = new HashMap<>();
    private final ReleaseWatermark watermark = new ReleaseWatermark();
    private int maxPendingRequests;
    private long blocksSeen;
    private boolean finished;

    TimelineSession(RunInfo run) {
        List<Task> tasks = run.scenario().tasks();
        for (int i = 0; i < tasks.size(); i++) {
            taskIndex.put(tasks.get(i).id(), i);
        }
        upstreamOf = new int[tasks.size()];
        isUpstream = new boolean[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            String up = tasks.get(i).upstream();
            upstreamOf[i] = up == null ? -1 : taskIndex.getOrDefault(up, -1);
            if (upstreamOf[i] >= 0) {
                isUpstream[upstreamOf[i]] = true;
            }
        }
        horizonNs = run.config().durationNs() > 0 ? run.config().durationNs() : run.scenario().defaultDurationNs();
        int accelerators = run.platform().accelerators().size();
        lanes = new Lanes[accelerators];
        for (int a = 0; a < lanes.length; a++) {
            lanes[a] = new Lanes();
        }
        links = new CascadeLinks(tasks.size());
        counters = new CounterTimeline(accelerators, new CounterTimeline.Sink() {
            @Override
            public void queue(long tsNs, long queued, long started) throws IOException {
                queueCounters(tsNs, queued, started);
            }

            @Override
            public void busy(long tsNs, int acc, double share) throws IOException {
                busyCounter(tsNs, acc, share);
            }
        });
    }

    /** The counters {@code queued} and {@code started} changed at {@code tsNs} (in time order). */
    abstract void queueCounters(long tsNs, long queued, long started) throws IOException;

    /** The utilisation of accelerator {@code acc} changed at {@code tsNs} (in time order). */
    abstract void busyCounter(long tsNs, int acc, double share) throws IOException;

    /** Accelerator {@code a} put a block on {@code lane}: names the lane's track if it is new. */
    abstract void laneUsed(int a, int lane) throws IOException;

    /** The watermark moved to {@code watermarkNs}: nothing earlier can come any more. */
    void released(long watermarkNs) throws IOException {
    }

    /** @return the writer, closed by {@link #finish} */
    abstract Closeable output();

    /** Closes the file without completing it (the engine discards it). */
    abstract void discard() throws IOException;

    /** Draws a block whose request never reported (not expected from the engine) with what is known. */
    abstract void orphan(long requestId, PendingBlock b) throws IOException;

    /** Writes what still waits once the counters are flushed, before the writer closes. */
    void completed() throws IOException {
    }

    @Override
    public final void onBlock(BlockRecord b) throws IOException {
        checkOpen();
        int a = b.accelerator();
        if (a < 0 || a >= lanes.length) {
            throw new IllegalArgumentException("block of request " + b.requestId() + " on accelerator " + a
                    + ", the platform has " + lanes.length);
        }
        int lane = lanes[a].assign(b.startNs(), b.endNs());
        laneUsed(a, lane);
        pendingBlocks.computeIfAbsent(b.requestId(), k -> new ArrayList<>(2)).add(new PendingBlock(a, lane,
                b.firstLayer(), b.layers(), b.startNs(), b.endNs(), b.switchNs(), b.energyPj(), b.share()));
        maxPendingRequests = Math.max(maxPendingRequests, pendingBlocks.size());
        blocksSeen++;
        counters.busy(a, b.startNs(), b.endNs(), b.share());
    }

    /** @return the index of the request's task in the scenario, or -1 for an unknown task */
    final int taskOf(RequestRecord r) {
        return taskIndex.getOrDefault(r.task(), -1);
    }

    /** @return the request's blocks in the order they ended, no longer waiting; null when none ran */
    final List<PendingBlock> takeBlocks(RequestRecord r) {
        return pendingBlocks.remove(r.requestId());
    }

    /** Counts the ended request in the queue counters and releases what the watermark now allows. */
    final void requestEnded(RequestRecord r) throws IOException {
        counters.change(r.arrivalNs(), CounterTimeline.QUEUED, 1);
        if (r.startNs() >= 0) {
            counters.change(r.startNs(), CounterTimeline.QUEUED, -1);
            counters.change(r.startNs(), CounterTimeline.STARTED, 1);
            if (r.finishNs() >= 0) {
                counters.change(r.finishNs(), CounterTimeline.STARTED, -1);
            }
        } else if (r.finishNs() >= 0) {
            counters.change(r.finishNs(), CounterTimeline.QUEUED, -1);
        }
        if (watermark.ended(r.requestId(), r.arrivalNs())) {
            counters.advance(watermark.watermarkNs());
            released(watermark.watermarkNs());
        }
    }

    @Override
    public final void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            discard();
        } catch (IOException | RuntimeException e) {
            // a discarded file: nothing left to report
        }
    }

    @Override
    public final Map<String, Double> finish(RunResult result) throws IOException {
        if (finished) {
            return Map.of();
        }
        finished = true;
        try (Closeable w = output()) {
            List<Long> orphans = new ArrayList<>(pendingBlocks.keySet());
            orphans.sort(null);
            for (Long id : orphans) {
                for (PendingBlock b : pendingBlocks.get(id)) {
                    orphan(id, b);
                }
            }
            pendingBlocks.clear();
            counters.flush();
            completed();
        }
        return Map.of();
    }

    final void checkOpen() {
        if (finished) {
            throw new IllegalStateException("trace already finished");
        }
    }

    /** @return the most requests whose blocks waited at once (memory bound check) */
    final int maxPendingRequests() {
        return maxPendingRequests;
    }

    /** @return the counter buffer, for its memory figures */
    final CounterTimeline counters() {
        return counters;
    }

    /** @return the request watermark, for its memory figures */
    final ReleaseWatermark watermark() {
        return watermark;
    }

    /** @return blocks seen so far */
    final long blocksSeen() {
        return blocksSeen;
    }
}
