package org.rtmmlab.engine.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * Checks the engine's invariants over a run's record stream: exact accounting, ordered contiguous layers, no block
 * before arrival, no overlapping blocks on an accelerator beyond its shares, cascades after their upstream, and
 * consistency with the result.
 */
public final class Invariants {

    /** In compatibility mode a job may be retired up to 0.01 ms early, so the next block may start that much before. */
    private static final long COMPAT_OVERLAP_NS = 10_001;

    private Invariants() {
    }

    /** Asserts every invariant. */
    public static void check(RecordingReporter.Recording rec, RunResult result) {
        boolean compat = result.config().xrbenchCompat();
        Scenario scenario = rec.info.scenario();
        Map<Long, RequestRecord> byId = new TreeMap<>();
        for (RequestRecord r : rec.requests) {
            assertTrue(byId.put(r.requestId(), r) == null, () -> "request reported twice: " + r);
            switch (r.outcome()) {
                case ON_TIME -> assertTrue(r.finishNs() <= r.deadlineNs(), () -> "on time but finished late: " + r);
                case LATE -> assertTrue(r.finishNs() > r.deadlineNs(), () -> "late but finished in time: " + r);
                case IN_FLIGHT -> assertEquals(-1, r.finishNs(), () -> "in flight with a finish time: " + r);
                case DROPPED -> assertNotEquals(DropCause.NONE, r.dropCause());
                default -> throw new AssertionError(r.outcome());
            }
            // a cascaded request released at/after its absolute deadline is dropped on the spot (deadline rule or upstream)
            boolean droppedOnArrival = r.outcome() == Outcome.DROPPED && r.finishNs() == r.arrivalNs();
            assertTrue(r.deadlineNs() > r.arrivalNs() || compat || droppedOnArrival, () -> "deadline not after arrival: " + r);
        }
        long expectedId = 0;
        for (long id : byId.keySet()) {
            assertEquals(expectedId++, id, "request ids must be 0..n-1 without gaps (every release reported once)");
        }
        // accounting per task and in total
        Map<String, long[]> counts = new HashMap<>();
        for (RequestRecord r : rec.requests) {
            long[] c = counts.computeIfAbsent(r.task(), k -> new long[5]);
            c[0]++;
            c[1 + r.outcome().ordinal()]++;
        }
        long[] total = new long[5];
        for (TaskResult tr : result.perTask()) {
            long[] c = counts.getOrDefault(tr.task(), new long[5]);
            assertEquals(new FrameCounts(c[0], c[1], c[2], c[3], c[4]), tr.frames(), () -> "counts of " + tr.task());
            for (int i = 0; i < 5; i++) {
                total[i] += c[i];
            }
        }
        assertEquals(new FrameCounts(total[0], total[1], total[2], total[3], total[4]), result.frames());
        assertEquals(rec.requests.size(), result.frames().released());

        // blocks per request: in order, contiguous, after arrival
        Map<Long, List<BlockRecord>> blocksOf = new HashMap<>();
        double blockEnergy = 0;
        for (BlockRecord b : rec.blocks) {
            RequestRecord r = byId.get(b.requestId());
            assertNotNull(r, () -> "block of an unreported request: " + b);
            assertTrue(b.layers() > 0 && b.endNs() >= b.startNs(), () -> "bad block " + b);
            assertTrue(b.startNs() >= r.arrivalNs(), () -> "block before arrival: " + b + " / " + r);
            blocksOf.computeIfAbsent(b.requestId(), k -> new ArrayList<>()).add(b);
            blockEnergy += b.energyPj();
        }
        for (RequestRecord r : rec.requests) {
            List<BlockRecord> bs = blocksOf.getOrDefault(r.requestId(), List.of());
            int layer = 0;
            long prevEnd = r.arrivalNs();
            for (BlockRecord b : bs) {
                if (b.firstLayer() == 0 && layer > 0) {
                    layer = 0; // restarted (PREMA kill): progress lost, runs again from layer 0
                }
                assertEquals(layer, b.firstLayer(), () -> "layers out of order for request " + r.requestId());
                assertTrue(b.startNs() - b.switchNs() >= prevEnd, () -> "block starts before the previous one ended: " + b);
                layer += b.layers();
                prevEnd = b.endNs();
            }
            if (r.outcome() == Outcome.ON_TIME || r.outcome() == Outcome.LATE) {
                Model m = scenario.model(r.model());
                int variant = r.variant().equals("full") ? 0 : 1 + indexOfVariant(m, r.variant());
                assertEquals(m.layersOf(variant).size(), layer, () -> "completed request ran every layer: " + r);
                assertEquals(prevEnd, r.finishNs(), () -> "finish = end of last block: " + r);
                assertEquals(bs.get(0).startNs(), r.startNs(), () -> "start = first block start: " + r);
            }
        }
        // accelerators: no overlap beyond shares. A block occupies [start - switch, end - slack) of its accelerator;
        // a sweep over those interval ends in time order (ends before starts at the same instant) finds the largest
        // sum of shares at any block start in O(n log n), so long runs stay quick.
        long slack = compat ? COMPAT_OVERLAP_NS : 0;
        Map<Integer, List<long[]>> edges = new TreeMap<>();
        for (int i = 0; i < rec.blocks.size(); i++) {
            BlockRecord b = rec.blocks.get(i);
            long from = b.startNs() - b.switchNs();
            long to = b.endNs() - slack;
            if (to <= from) {
                continue; // occupies no instant, as in the pairwise rule
            }
            List<long[]> e = edges.computeIfAbsent(b.accelerator(), k -> new ArrayList<>());
            e.add(new long[] {from, 1, i});
            e.add(new long[] {to, 0, i});
        }
        for (Map.Entry<Integer, List<long[]>> acc : edges.entrySet()) {
            List<long[]> e = acc.getValue();
            e.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            double share = 0;
            for (int k = 0; k < e.size(); ) {
                long t = e.get(k)[0];
                boolean started = false;
                for (; k < e.size() && e.get(k)[0] == t; k++) {
                    double s = rec.blocks.get((int) e.get(k)[2]).share();
                    share += e.get(k)[1] == 1 ? s : -s;
                    started |= e.get(k)[1] == 1;
                }
                if (started && share > 1 + 1e-9) {
                    double over = share;
                    throw new AssertionError("accelerator " + acc.getKey() + " over-committed at " + t
                            + " ns (shares " + over + ")");
                }
            }
        }
        // cascades (default mode): released when the upstream frame completed, or dropped with it
        if (!compat) {
            Map<String, Map<Long, RequestRecord>> byTaskFrame = new HashMap<>();
            rec.requests.forEach(r -> byTaskFrame.computeIfAbsent(r.task(), k -> new HashMap<>()).put(r.frame(), r));
            for (RequestRecord r : rec.requests) {
                Task t = scenario.tasks().get(scenario.taskIndex(r.task()));
                if (!t.cascaded()) {
                    continue;
                }
                RequestRecord up = byTaskFrame.getOrDefault(t.upstream(), Map.of()).get(r.frame());
                assertNotNull(up, () -> "cascaded request without upstream frame: " + r);
                if (r.dropCause() == DropCause.UPSTREAM) {
                    assertEquals(Outcome.DROPPED, up.outcome(), () -> "UPSTREAM drop of a frame whose upstream ran: " + r);
                    assertEquals(up.finishNs(), r.arrivalNs());
                } else {
                    assertTrue(up.outcome() == Outcome.ON_TIME || up.outcome() == Outcome.LATE,
                            "cascaded request released without completed upstream: " + r);
                    assertEquals(up.finishNs(), r.arrivalNs(), () -> "cascade released at upstream completion: " + r);
                    assertEquals(up.arrivalNs() + t.deadlineNs(), r.deadlineNs(), () -> "cascade deadline: " + r);
                }
            }
            // stream order: records arrive in simulation order
            long last = Long.MIN_VALUE;
            for (Object o : rec.order) {
                long t = o instanceof BlockRecord b ? b.endNs() : o instanceof RequestRecord q ? q.finishNs()
                        : ((org.rtmmlab.api.run.SchedulerSwap) o).timeNs();
                if (t >= 0) {
                    assertTrue(t >= last, () -> "records out of simulation order at " + o);
                    last = t;
                }
            }
        }
        double engineEnergy = (result.metric("energy.dynamic.mJ") + result.metric("energy.switch.mJ")) * 1e9;
        assertEquals(engineEnergy, blockEnergy, Math.max(1e-6, Math.abs(engineEnergy) * 1e-9), "block energy sum");
    }

    private static int indexOfVariant(Model m, String id) {
        for (int i = 0; i < m.variants().size(); i++) {
            if (m.variants().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("unknown variant " + id);
    }
}
