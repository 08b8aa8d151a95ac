package org.rtmmlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Platform;
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
 * The rules every run of the default engine must obey, checked over its record stream. Each check fails with an
 * {@link org.opentest4j.AssertionFailedError} naming the first offending record. Used by
 * {@link SchedulerPolicyContract}; public so a plugin's own tests can check their runs the same way.
 */
public final class RecordInvariants {

    private static final double SHARE_EPSILON = 1e-9;

    private RecordInvariants() {
    }

    /** Runs every check on one recorded run. */
    public static void checkAll(RunRecorder.Recording run) {
        RunResult result = run.result();
        assertTrue(result != null, "the run never finished its reporters");
        Scenario scenario = run.info().scenario();
        requestsAccountedOnce(run.requests(), result);
        Map<Long, RequestRecord> byId = byId(run.requests());
        blocksWithinTheirRequests(run.blocks(), byId);
        layersInOrderOnce(run.blocks(), run.requests(), scenario);
        acceleratorsNotOvercommitted(run.blocks(), run.info().platform());
        cascadesAfterUpstream(run.requests(), run.blocks(), scenario);
    }

    /**
     * Every released request is reported exactly once (unique ids), its outcome agrees with its times, and the
     * per-task and total {@link FrameCounts} of the result equal the counts of the records.
     */
    public static void requestsAccountedOnce(List<RequestRecord> requests, RunResult result) {
        Map<String, long[]> perTask = new TreeMap<>();
        long[] total = new long[5];
        Map<Long, RequestRecord> seen = new TreeMap<>();
        for (RequestRecord r : requests) {
            RequestRecord before = seen.put(r.requestId(), r);
            if (before != null) {
                fail("request " + r.requestId() + " reported twice: " + before + " and " + r);
            }
            switch (r.outcome()) {
                case ON_TIME -> assertTrue(r.finishNs() >= r.arrivalNs() && r.finishNs() <= r.deadlineNs(),
                        "on time but finished outside [arrival, deadline]: " + r);
                case LATE -> assertTrue(r.finishNs() > r.deadlineNs(), () -> "late but finished by its deadline: " + r);
                case DROPPED -> assertTrue(r.dropCause() != DropCause.NONE, () -> "dropped without a cause: " + r);
                case IN_FLIGHT -> assertEquals(-1, r.finishNs(), () -> "in flight with a finish time: " + r);
                default -> fail("unknown outcome " + r.outcome());
            }
            long[] c = perTask.computeIfAbsent(r.task(), k -> new long[5]);
            c[0]++;
            c[1 + r.outcome().ordinal()]++;
            total[0]++;
            total[1 + r.outcome().ordinal()]++;
        }
        for (TaskResult tr : result.perTask()) {
            long[] c = perTask.getOrDefault(tr.task(), new long[5]);
            assertEquals(counts(c), tr.frames(), () -> "frame counts of task " + tr.task() + " disagree with its records");
        }
        assertEquals(counts(total), result.frames(), "total frame counts disagree with the records");
    }

    private static FrameCounts counts(long[] c) {
        return new FrameCounts(c[0], c[1], c[2], c[3], c[4]);
    }

    /**
     * Every block belongs to a reported request, has at least one layer and a non-negative duration, starts no earlier
     * than its request's arrival and, for a completed request, ends no later than its finish.
     */
    public static void blocksWithinTheirRequests(List<BlockRecord> blocks, Map<Long, RequestRecord> requests) {
        for (BlockRecord b : blocks) {
            RequestRecord r = requests.get(b.requestId());
            assertTrue(r != null, () -> "block of a request that was never reported: " + b);
            assertTrue(b.layers() > 0 && b.endNs() >= b.startNs() && b.switchNs() >= 0, () -> "malformed block " + b);
            assertTrue(b.share() > 0 && b.share() <= 1, () -> "share outside (0, 1]: " + b);
            assertTrue(b.startNs() - b.switchNs() >= r.arrivalNs(), () -> "block starts before its request arrived: " + b
                    + " / " + r);
            if (r.outcome() == Outcome.ON_TIME || r.outcome() == Outcome.LATE) {
                assertTrue(b.endNs() <= r.finishNs(), () -> "block ends after its request finished: " + b + " / " + r);
            }
        }
    }

    /**
     * Each request's blocks run its layers in order, contiguously and one block at a time; a block starting again at
     * layer 0 is a restart (progress lost). A completed request ran every layer of its variant exactly once since its
     * last restart, its finish is the end of its last block and its start the start of its first.
     */
    public static void layersInOrderOnce(List<BlockRecord> blocks, List<RequestRecord> requests, Scenario scenario) {
        Map<Long, List<BlockRecord>> perRequest = perRequest(blocks);
        for (RequestRecord r : requests) {
            List<BlockRecord> bs = perRequest.getOrDefault(r.requestId(), List.of());
            int next = 0;
            long previousEnd = r.arrivalNs();
            for (BlockRecord b : bs) {
                if (b.firstLayer() == 0 && next > 0) {
                    next = 0; // restarted (PREMA's kill)
                }
                if (b.firstLayer() != next) {
                    fail("request " + r.requestId() + " (" + r.task() + " frame " + r.frame() + ") ran layers "
                            + b.firstLayer() + ".. but its next layer was " + next + ": " + b);
                }
                if (b.startNs() - b.switchNs() < previousEnd) {
                    fail("request " + r.requestId() + " ran two blocks at once: " + b + " starts before " + previousEnd);
                }
                next += b.layers();
                previousEnd = b.endNs();
            }
            int layerCount = layerCount(scenario, r);
            if (next > layerCount) {
                fail("request " + r.requestId() + " ran " + next + " of " + layerCount + " layers");
            }
            if (r.outcome() == Outcome.ON_TIME || r.outcome() == Outcome.LATE) {
                assertEquals(layerCount, next, () -> "completed request " + r.requestId() + " did not run every layer: " + r);
                assertEquals(previousEnd, r.finishNs(), () -> "finish of request " + r.requestId() + " is not its last block's end");
                assertEquals(bs.get(0).startNs(), r.startNs(), () -> "start of request " + r.requestId() + " is not its first block's start");
            }
        }
    }

    /**
     * No accelerator runs two blocks at once, unless it has several partitions: then at no time do more blocks than
     * partitions run on it, and their shares sum to at most 1. A block occupies its accelerator from
     * {@code startNs - switchNs} to {@code endNs}.
     */
    public static void acceleratorsNotOvercommitted(List<BlockRecord> blocks, Platform platform) {
        Map<Integer, List<BlockRecord>> perAccelerator = new TreeMap<>();
        for (BlockRecord b : blocks) {
            assertTrue(b.accelerator() >= 0 && b.accelerator() < platform.accelerators().size(),
                    "block on an unknown accelerator: " + b);
            perAccelerator.computeIfAbsent(b.accelerator(), k -> new ArrayList<>()).add(b);
        }
        for (Map.Entry<Integer, List<BlockRecord>> e : perAccelerator.entrySet()) {
            int partitions = platform.accelerators().get(e.getKey()).partitions();
            List<BlockRecord> bs = new ArrayList<>(e.getValue());
            bs.sort((x, y) -> Long.compare(x.startNs() - x.switchNs(), y.startNs() - y.switchNs()));
            List<BlockRecord> running = new ArrayList<>();
            for (BlockRecord b : bs) {
                long from = b.startNs() - b.switchNs();
                running.removeIf(o -> o.endNs() <= from);
                running.add(b);
                double share = 0;
                for (BlockRecord o : running) {
                    share += o.share();
                }
                if (running.size() > partitions || share > 1 + SHARE_EPSILON) {
                    fail("accelerator " + platform.accelerators().get(e.getKey()).id() + " (" + partitions
                            + " partition(s)) runs " + running.size() + " blocks with shares summing to " + share
                            + " at " + from + " ns: " + running);
                }
            }
        }
    }

    /**
     * A cascaded request is released only when its upstream request of the same frame completed (so none of its
     * blocks starts before that), or is dropped with {@link DropCause#UPSTREAM} because the upstream frame was dropped.
     */
    public static void cascadesAfterUpstream(List<RequestRecord> requests, List<BlockRecord> blocks,
                                             Scenario scenario) {
        Map<String, Map<Long, RequestRecord>> byTaskFrame = new TreeMap<>();
        for (RequestRecord r : requests) {
            byTaskFrame.computeIfAbsent(r.task(), k -> new TreeMap<>()).put(r.frame(), r);
        }
        Map<Long, List<BlockRecord>> perRequest = perRequest(blocks);
        for (RequestRecord r : requests) {
            int t = scenario.taskIndex(r.task());
            assertTrue(t >= 0, () -> "request of an unknown task: " + r);
            Task task = scenario.tasks().get(t);
            if (!task.cascaded()) {
                continue;
            }
            RequestRecord up = byTaskFrame.getOrDefault(task.upstream(), Map.of()).get(r.frame());
            assertTrue(up != null, () -> "cascaded request without an upstream request of its frame: " + r);
            if (r.dropCause() == DropCause.UPSTREAM) {
                assertEquals(Outcome.DROPPED, up.outcome(), () -> "dropped for its upstream, but the upstream was not: " + r);
                continue;
            }
            assertTrue(up.outcome() == Outcome.ON_TIME || up.outcome() == Outcome.LATE,
                    "cascaded request released although its upstream frame did not complete: " + r + " / " + up);
            assertTrue(r.arrivalNs() >= up.finishNs(), () -> "cascaded request released before its upstream finished: " + r
                    + " / " + up);
            for (BlockRecord b : perRequest.getOrDefault(r.requestId(), List.of())) {
                assertTrue(b.startNs() - b.switchNs() >= up.finishNs(),
                        "cascaded block starts before its upstream frame finished: " + b + " / " + up);
            }
        }
    }

    /** @return requests by id (ids must be unique; see {@link #requestsAccountedOnce}) */
    public static Map<Long, RequestRecord> byId(List<RequestRecord> requests) {
        Map<Long, RequestRecord> out = new TreeMap<>();
        for (RequestRecord r : requests) {
            out.put(r.requestId(), r);
        }
        return out;
    }

    private static Map<Long, List<BlockRecord>> perRequest(List<BlockRecord> blocks) {
        Map<Long, List<BlockRecord>> out = new TreeMap<>();
        for (BlockRecord b : blocks) {
            out.computeIfAbsent(b.requestId(), k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    private static int layerCount(Scenario scenario, RequestRecord r) {
        Model m = scenario.model(r.model());
        for (int v = 0; v < m.variantCount(); v++) {
            if (m.variantId(v).equals(r.variant())) {
                return m.layersOf(v).size();
            }
        }
        return fail("request " + r.requestId() + " ran unknown variant '" + r.variant() + "' of model " + m.id());
    }
}
