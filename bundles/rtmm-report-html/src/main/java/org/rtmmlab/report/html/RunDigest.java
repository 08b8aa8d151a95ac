package org.rtmmlab.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.workload.Task;

/**
 * What the per-run report keeps of the record stream, bounded whatever the run's length: a latency histogram per
 * task, dynamic energy per accelerator, busy share per accelerator in {@link #BINS} time bins, and the blocks of
 * the first {@link #GANTT_WINDOW_NS} (at most {@link #GANTT_MAX_BLOCKS}) for the schedule excerpt.
 */
final class RunDigest {

    /** Time bins of the utilisation chart. */
    static final int BINS = 200;
    /** Length of the schedule excerpt, ns. */
    static final long GANTT_WINDOW_NS = 100_000_000L;
    /** Most blocks drawn in the schedule excerpt. */
    static final int GANTT_MAX_BLOCKS = 4000;
    /** Most lanes per accelerator in the excerpt (more overlapping blocks share the last). */
    static final int MAX_LANES = 8;

    /** A block of the excerpt. */
    record GanttBlock(int accelerator, int lane, int task, long startNs, long endNs, String tooltip) {
    }

    final RunInfo info;
    final List<String> taskIds = new ArrayList<>();
    final List<String> taskModels = new ArrayList<>();
    final Map<String, Integer> taskIndex = new HashMap<>();
    final LatencyHistogram[] latency;
    final double[] dynamicPj;
    final double[][] busyShareNs;
    final long horizonNs;
    final long binNs;
    final long ganttWindowNs;
    final List<GanttBlock> gantt = new ArrayList<>();
    final long[][] laneEnd;
    final int[] ganttLanesUsed;
    boolean ganttTruncated;
    long blocks;

    RunDigest(RunInfo info) {
        this.info = info;
        List<Task> tasks = info.scenario().tasks();
        for (int i = 0; i < tasks.size(); i++) {
            taskIds.add(tasks.get(i).id());
            taskModels.add(tasks.get(i).model());
            taskIndex.put(tasks.get(i).id(), i);
        }
        latency = new LatencyHistogram[tasks.size()];
        for (int i = 0; i < latency.length; i++) {
            latency[i] = new LatencyHistogram();
        }
        int accs = info.platform().accelerators().size();
        dynamicPj = new double[accs];
        busyShareNs = new double[accs][BINS];
        long h = info.config().durationNs() > 0 ? info.config().durationNs() : info.scenario().defaultDurationNs();
        horizonNs = Math.max(1, h);
        binNs = Math.max(1, (horizonNs + BINS - 1) / BINS);
        ganttWindowNs = Math.min(GANTT_WINDOW_NS, horizonNs);
        laneEnd = new long[accs][MAX_LANES];
        ganttLanesUsed = new int[accs];
    }

    void block(BlockRecord b) {
        int a = b.accelerator();
        if (a < 0 || a >= dynamicPj.length) {
            throw new IllegalArgumentException("block of request " + b.requestId() + " on accelerator " + a
                    + ", the platform has " + dynamicPj.length);
        }
        blocks++;
        dynamicPj[a] += b.energyPj();
        addBusy(a, b.startNs(), b.endNs(), b.share());
        if (b.startNs() < ganttWindowNs) {
            if (gantt.size() < GANTT_MAX_BLOCKS) {
                int lane = lane(a, b.startNs(), b.endNs());
                int task = taskIndex.getOrDefault(b.task(), -1);
                String model = task < 0 ? b.task() : taskModels.get(task);
                gantt.add(new GanttBlock(a, lane, task, b.startNs(), b.endNs(), model + " layers " + b.firstLayer()
                        + "-" + (b.firstLayer() + b.layers() - 1) + ", request " + b.requestId() + " frame " + b.frame()
                        + ", " + ms(b.startNs()) + "-" + ms(b.endNs()) + " ms" + (b.share() < 1 ? ", share "
                        + b.share() : "")));
            } else {
                ganttTruncated = true;
            }
        }
    }

    void request(RequestRecord r) {
        long lat = r.latencyNs();
        Integer t = taskIndex.get(r.task());
        if (lat >= 0 && t != null) {
            latency[t].add(lat);
        }
    }

    /** Lowest lane of accelerator {@code a} free at {@code start} (blocks arrive in order of their end). */
    private int lane(int a, long start, long end) {
        long[] ends = laneEnd[a];
        int l = 0;
        while (l < ganttLanesUsed[a] && ends[l] > start) {
            l++;
        }
        if (l == MAX_LANES) {
            l = MAX_LANES - 1;
        }
        ganttLanesUsed[a] = Math.max(ganttLanesUsed[a], l + 1);
        ends[l] = Math.max(ends[l], end);
        return l;
    }

    private void addBusy(int a, long start, long end, double share) {
        long s = Math.max(0, start);
        long e = Math.min(end, binNs * BINS);
        for (long bin = s / binNs; bin < BINS && bin * binNs < e; bin++) {
            long lo = Math.max(s, bin * binNs);
            long hi = Math.min(e, (bin + 1) * binNs);
            if (hi > lo) {
                busyShareNs[a][(int) bin] += (hi - lo) * share;
            }
        }
    }

    static String ms(long ns) {
        return java.math.BigDecimal.valueOf(ns, 6).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
