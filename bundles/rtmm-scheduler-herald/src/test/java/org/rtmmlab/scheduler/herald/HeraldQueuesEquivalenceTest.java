package org.rtmmlab.scheduler.herald;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.testkit.engine.TwinRun;

/**
 * Herald's per-accelerator queues kept across calls give the decisions of queues rebuilt from the whole view at every
 * call (a scan), at every decision point of real engine runs: under overload (AR_Assistant on two accelerators
 * for 5 s, a backlog of jobs that finish, arrive and wait on dependencies) and on a four-accelerator platform.
 */
class HeraldQueuesEquivalenceTest {

    @ParameterizedTest
    @CsvSource({"edp,1", "latency,2", "energy,4"})
    void theKeptQueuesDecideAsRebuiltOnes(String objective, int blockLayers) {
        for (String[] cell : new String[][] {{"xrbench/AR_Assistant", "xrbench/Dual_4K__WS_OS", "5", "6"},
                {"xrbench/VR_gaming", "xrbench/Quad_8K__WS_OS_WS_OS", "1", "2"}}) {
            HeraldPolicy policy = new HeraldPolicy();
            TwinRun.Counts counts = TwinRun.run(policy, policy::create,
                    c -> ((HeraldScheduler) policy.create(c)).rebuildEveryCall(), cell[0], cell[1],
                    Long.parseLong(cell[2]) * 1_000_000_000L,
                    Map.of("objective", objective, "blockLayers", Integer.toString(blockLayers)));
            String what = "herald " + objective + " on " + cell[1] + ": " + counts;
            assertTrue(counts.decisions() >= 100 && counts.dispatches() >= 100, what);
            assertTrue(counts.maxJobs() >= Integer.parseInt(cell[3]), what);
        }
    }
}
