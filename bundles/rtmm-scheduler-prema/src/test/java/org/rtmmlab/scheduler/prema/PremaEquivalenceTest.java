package org.rtmmlab.scheduler.prema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.testkit.engine.RecordedTwinRun;

/**
 * Issue 15: {@link PremaScheduler} (tokens as lines in time, jobs kept in per-class heaps per token tier, crossing
 * times in heaps, possible incumbents listed as their blocks end) decides as {@link PremaScan} (tokens aged and the
 * backlog scanned at every call) at every decision point of real engine runs: overload (AR_Assistant on two
 * accelerators: a backlog of started jobs with tokens past 3 and 9, preemptions), with kills (a checkpoint cost),
 * scenario events (AR_gaming), no deadline drops ({@code engine.dropRule=none}: backlogs of hundreds), XRBench
 * compatibility mode (whole-model blocks, jobs waiting on upstream frames) and a four-accelerator platform. Each run
 * is made once with each ({@link RecordedTwinRun}: restarts applied, both hear every ended request); variant
 * selections, which PREMA does not make, would be compared as a set.
 */
class PremaEquivalenceTest {

    @ParameterizedTest
    @CsvSource({
        "xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 5, false, queued-late, 1, 0, 6",
        "xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 8, false, none, 3, 0, 150",
        "xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 3, false, none, 1, 2000000, 60",
        "xrbench/AR_gaming, xrbench/Single_4K__WS, 2, false, queued-late, 2, 0, 4",
        "xrbench/AR_Assistant, xrbench/Single_4K__WS, 3, true, queued-late, 1000, 0, 5",
        "xrbench/VR_gaming, xrbench/Quad_8K__WS_OS_WS_OS, 1, false, queued-late, 1, 0, 2"})
    void theKeptQueuesDecideAsTheScan(String scenario, String platform, double seconds, boolean compat,
                                      String dropRule, int blockLayers, long checkpointNs, int leastBacklog) {
        PremaPolicy policy = new PremaPolicy();
        Map<String, String> props = Map.of("blockLayers", Integer.toString(blockLayers), "checkpointNs",
                Long.toString(checkpointNs), "engine.dropRule", dropRule);
        RecordedTwinRun.Counts counts = RecordedTwinRun.of(policy, policy::create,
                c -> new PremaScan(PremaSettings.read(Map.of(), c.properties())), scenario, platform,
                (long) (seconds * 1e9)).withXrbenchCompat(compat).withProperties(props).withVariantsInAnyOrder().run();
        String what = scenario + " on " + platform + ": " + counts;
        assertTrue(counts.decisions() >= 100 && counts.dispatches() >= 100, what);
        assertTrue(counts.maxJobs() >= leastBacklog, what);
        if (checkpointNs > 0) {
            assertTrue(counts.restarts() > 0, what);
        }
    }
}
