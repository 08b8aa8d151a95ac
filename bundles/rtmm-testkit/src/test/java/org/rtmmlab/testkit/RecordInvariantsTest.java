package org.rtmmlab.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.testkit.ContractScenarios.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.api.workload.Scenario;

/**
 * Each invariant passes on a correct hand-built record stream and catches the violation a broken scheduler or engine
 * would produce (busy accelerator reused, skipped or repeated layer, block before arrival, cascade before upstream,
 * request counted twice or counts that do not add up).
 */
class RecordInvariantsTest {

    private static final Scenario CASCADE = new ContractScenarioProvider().load(ContractScenarios.CASCADE);
    private static final Scenario SINGLE = new ContractScenarioProvider().load(ContractScenarios.SINGLE);
    private static final Platform ONE = ContractScenarios.platforms().get(0);
    private static final Platform FISSION = ContractScenarios.platforms().get(2);

    /** detect frame 0 (2 layers, 0-2 ms) then track frame 0 (2 layers, 2-4 ms), both on acc0. */
    private static List<BlockRecord> goodCascadeBlocks() {
        return new ArrayList<>(List.of(block(0, "detect", 0, 0, 1, 0, 1 * MS), block(0, "detect", 0, 1, 1, 1 * MS, 2 * MS),
                block(1, "track", 0, 0, 2, 2 * MS, 4 * MS)));
    }

    private static List<RequestRecord> goodCascadeRequests() {
        return new ArrayList<>(List.of(done(0, "detect", 0, 0, 0, 2 * MS), done(1, "track", 0, 2 * MS, 2 * MS, 4 * MS)));
    }

    private static BlockRecord block(long id, String task, int acc, int first, int layers, long start, long end) {
        return new BlockRecord(id, task, 0, acc, first, layers, start, end, 0, layers * 1e6, 1.0);
    }

    private static BlockRecord share(long id, int first, long start, long end, double share) {
        return new BlockRecord(id, "tri", 0, 0, first, 1, start, end, 0, 1e6, share);
    }

    private static RequestRecord done(long id, String task, long frame, long arrival, long start, long finish) {
        return new RequestRecord(id, task, "ConvNet", "full", frame, arrival, arrival + 10 * MS, start, finish,
                Outcome.ON_TIME, DropCause.NONE, 2e6, "acc0", 1);
    }

    private static RunResult result(Scenario s, Map<String, FrameCounts> perTask) {
        List<TaskResult> tasks = new ArrayList<>();
        FrameCounts total = new FrameCounts(0, 0, 0, 0, 0);
        for (var t : s.tasks()) {
            FrameCounts f = perTask.getOrDefault(t.id(), new FrameCounts(0, 0, 0, 0, 0));
            tasks.add(new TaskResult(t.id(), t.model(), f, 0, Map.of()));
            total = total.plus(f);
        }
        return new RunResult(RunConfig.of(s.id(), ONE.id(), "x", 1), "0", 100 * MS, total, 0, tasks, Map.of());
    }

    private static RunRecorder.Recording recording(Scenario s, Platform p, List<BlockRecord> blocks,
                                                   List<RequestRecord> requests, RunResult result) {
        RunRecorder.Recording r = new RunRecorder.Recording(new RunInfo(RunConfig.of(s.id(), p.id(), "x", 1), s, p, "0"));
        blocks.forEach(r::onBlock);
        requests.forEach(r::onRequest);
        r.finish(result);
        return r;
    }

    private static RunResult goodCascadeResult() {
        return result(CASCADE, Map.of("detect", new FrameCounts(1, 1, 0, 0, 0), "track", new FrameCounts(1, 1, 0, 0, 0)));
    }

    @Test
    void aCorrectStreamPassesEveryCheck() {
        assertDoesNotThrow(() -> RecordInvariants.checkAll(recording(CASCADE, ONE, goodCascadeBlocks(),
                goodCascadeRequests(), goodCascadeResult())));
    }

    @Test
    void twoBlocksAtOnceOnAWholeAcceleratorAreCaught() {
        List<BlockRecord> blocks = List.of(block(0, "tri", 0, 0, 3, 0, 3 * MS), block(1, "tri", 0, 0, 3, 2 * MS, 5 * MS));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RecordInvariants.acceleratorsNotOvercommitted(blocks, ONE));
        assertTrue(e.getMessage().contains("acc0"), e.getMessage());
        assertDoesNotThrow(() -> RecordInvariants.acceleratorsNotOvercommitted(
                List.of(block(0, "tri", 0, 0, 3, 0, 3 * MS), block(1, "tri", 0, 0, 3, 3 * MS, 6 * MS)), ONE));
    }

    @Test
    void sharesOfAPartitionedAcceleratorMustNotExceedIt() {
        assertDoesNotThrow(() -> RecordInvariants.acceleratorsNotOvercommitted(List.of(share(0, 0, 0, 4 * MS, 0.5),
                share(1, 0, 0, 4 * MS, 0.25), share(2, 0, MS, 5 * MS, 0.25)), FISSION));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.acceleratorsNotOvercommitted(List.of(
                share(0, 0, 0, 4 * MS, 0.5), share(1, 0, 0, 4 * MS, 0.5), share(2, 0, MS, 5 * MS, 0.25)), FISSION));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.acceleratorsNotOvercommitted(List.of(
                share(0, 0, 0, 4 * MS, 1.0), share(1, 0, MS, 5 * MS, 1.0)), ONE));
    }

    @Test
    void aSkippedOrRepeatedLayerIsCaughtButARestartIsAllowed() {
        List<RequestRecord> one = List.of(new RequestRecord(0, "tri", "Tri", "full", 0, 0, 10 * MS, 0, 3 * MS,
                Outcome.ON_TIME, DropCause.NONE, 3e6, "acc0", 1));
        List<BlockRecord> skipped = List.of(block(0, "tri", 0, 0, 1, 0, MS), block(0, "tri", 0, 2, 1, MS, 3 * MS));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.layersInOrderOnce(skipped, one, SINGLE));
        List<BlockRecord> repeated = List.of(block(0, "tri", 0, 0, 2, 0, 2 * MS), block(0, "tri", 0, 1, 2, 2 * MS, 3 * MS));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.layersInOrderOnce(repeated, one, SINGLE));
        List<BlockRecord> tooFew = List.of(block(0, "tri", 0, 0, 2, 0, 3 * MS));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.layersInOrderOnce(tooFew, one, SINGLE));
        List<BlockRecord> restarted = List.of(block(0, "tri", 0, 0, 1, 0, MS), block(0, "tri", 0, 0, 3, MS, 3 * MS));
        List<RequestRecord> restartedRequest = List.of(new RequestRecord(0, "tri", "Tri", "full", 0, 0, 10 * MS, 0,
                3 * MS, Outcome.ON_TIME, DropCause.NONE, 4e6, "acc0", 1));
        assertDoesNotThrow(() -> RecordInvariants.layersInOrderOnce(restarted, restartedRequest, SINGLE));
        List<BlockRecord> overlapping = List.of(block(0, "tri", 0, 0, 1, 0, 2 * MS), block(0, "tri", 1, 1, 2, MS, 3 * MS));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.layersInOrderOnce(overlapping, one, SINGLE));
    }

    @Test
    void aBlockBeforeItsRequestArrivedIsCaught() {
        List<RequestRecord> late = List.of(new RequestRecord(0, "tri", "Tri", "full", 0, 5 * MS, 15 * MS, 4 * MS,
                7 * MS, Outcome.ON_TIME, DropCause.NONE, 3e6, "acc0", 1));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.blocksWithinTheirRequests(
                List.of(block(0, "tri", 0, 0, 3, 4 * MS, 7 * MS)), RecordInvariants.byId(late)));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.blocksWithinTheirRequests(
                List.of(block(9, "tri", 0, 0, 3, 6 * MS, 9 * MS)), RecordInvariants.byId(late)));
    }

    @Test
    void aCascadeStartingBeforeItsUpstreamFinishedIsCaught() {
        List<RequestRecord> requests = goodCascadeRequests();
        requests.set(1, done(1, "track", 0, MS, MS, 3 * MS)); // released at 1 ms, detect finished at 2 ms
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.cascadesAfterUpstream(requests,
                goodCascadeBlocks(), CASCADE));
        List<RequestRecord> orphan = List.of(done(1, "track", 3, 2 * MS, 2 * MS, 4 * MS));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.cascadesAfterUpstream(orphan, List.of(), CASCADE));
    }

    @Test
    void aRequestCountedTwiceOrCountsThatDoNotAddUpAreCaught() {
        List<RequestRecord> twice = goodCascadeRequests();
        twice.add(twice.get(0));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.requestsAccountedOnce(twice,
                goodCascadeResult()));
        RunResult wrong = result(CASCADE, Map.of("detect", new FrameCounts(2, 2, 0, 0, 0),
                "track", new FrameCounts(1, 1, 0, 0, 0)));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.requestsAccountedOnce(goodCascadeRequests(),
                wrong));
        List<RequestRecord> lateMarkedOnTime = List.of(new RequestRecord(0, "detect", "ConvNet", "full", 0, 0, 10 * MS,
                0, 12 * MS, Outcome.ON_TIME, DropCause.NONE, 2e6, "acc0", 1));
        assertThrows(AssertionFailedError.class, () -> RecordInvariants.requestsAccountedOnce(lateMarkedOnTime,
                result(CASCADE, Map.of("detect", new FrameCounts(1, 1, 0, 0, 0)))));
    }
}
