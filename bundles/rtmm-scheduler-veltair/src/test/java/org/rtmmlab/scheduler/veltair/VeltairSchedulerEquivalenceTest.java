package org.rtmmlab.scheduler.veltair;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.testkit.engine.TwinRun;

/**
 * VELTAIR with its ready blocks kept across calls ({@link ReadyBlocks}) decides as the scan it replaced
 * ({@link VeltairScanScheduler}) at every decision point of real engine runs: the same blocks on the same
 * accelerators, and (through the conflict counts) the same adapted block sizes. Runs: overload (AR_Assistant on two
 * accelerators; and a scenario file of this test with 5 s deadlines, whose unstarted jobs the engine keeps for
 * seconds: a backlog of hundreds of jobs), a scenario with events (AR_gaming), and VR_gaming on four
 * accelerators; with the default properties, fixed one-layer blocks, and a short adaptation window that adapts often.
 */
class VeltairSchedulerEquivalenceTest {

    @ParameterizedTest
    @CsvSource({
        "backlog.json, xrbench/Dual_4K__WS_OS, 3, 300, ''",
        "backlog.json, xrbench/Quad_8K__WS_OS_WS_OS, 3, 100, 'conflictWindow=4'",
        "xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 8, 20, ''",
        "xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 3, 20, 'blockLayers=1,maxBlockLayers=1'",
        "xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 3, 20, 'conflictWindow=2,conflictHigh=0.6,conflictLow=0.4'",
        "xrbench/AR_gaming, xrbench/Quad_8K__WS_OS_WS_OS, 2, 2, 'conflictWindow=4'",
        "xrbench/VR_gaming, xrbench/Quad_8K__WS_OS_WS_OS, 2, 2, ''",
        "xrbench/VR_gaming, xrbench/Single_4K__WS, 2, 2, 'conflictWindow=3'"})
    void theKeptOrderDecidesAsTheScan(String scenario, String platform, long seconds, int minJobs, String props)
            throws Exception {
        Map<String, String> properties = new java.util.TreeMap<>();
        for (String kv : props.isEmpty() ? new String[0] : props.split(",")) {
            String[] f = kv.split("=");
            properties.put(f[0], f[1]);
        }
        if (scenario.endsWith(".json")) { // a scenario file of this test's resources
            scenario = Path.of(getClass().getResource("/" + scenario).toURI()).toString();
        }
        VeltairPolicy policy = new VeltairPolicy();
        TwinRun.Counts counts = TwinRun.run(policy, policy::create,
                c -> new VeltairScanScheduler(VeltairSettings.read(Map.of(), c.properties()), c.costs()),
                scenario, platform, seconds * 1_000_000_000L, properties);
        String what = "veltair " + properties + " " + scenario + " on " + platform + ": " + counts;
        assertTrue(counts.decisions() >= 100 && counts.dispatches() >= 100, what);
        assertTrue(counts.maxJobs() >= minJobs, what);
    }
}
