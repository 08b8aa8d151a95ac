package org.rtmmlab.scheduler.classic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.TwinRun;

/**
 * The job order kept across calls ({@link org.rtmmlab.api.scheduler.dispatch.JobOrder}) gives the decisions of the
 * first implementation's scan (one pass over the view per job looked at) and of an order rebuilt from the whole view
 * at every call, at every decision point of real engine runs: under overload (AR_Assistant on two accelerators for
 * 5 s, a backlog of jobs that finish, arrive and wait on dependencies) and on a four-accelerator platform.
 */
class JobOrderEquivalenceTest {

    private static final String[][] CELLS = {{"xrbench/AR_Assistant", "xrbench/Dual_4K__WS_OS", "5", "6"},
            {"xrbench/VR_gaming", "xrbench/Quad_8K__WS_OS_WS_OS", "1", "2"}};

    @ParameterizedTest
    @CsvSource({"edf,0", "edf,1", "fcfs,0", "fcfs,2", "lsf,1", "lsf,3", "rr,1", "rr,0"})
    void theKeptOrderDecidesAsTheScan(String policy, int blockLayers) {
        check(policy, blockLayers, true);
    }

    @ParameterizedTest
    @CsvSource({"edf,1", "fcfs,0", "lsf,1", "rr,1"})
    void theKeptOrderDecidesAsARebuiltOne(String policy, int blockLayers) {
        check(policy, blockLayers, false);
    }

    private static void check(String policy, int blockLayers, boolean scanReference) {
        for (String[] cell : CELLS) {
            SchedulerPolicy p = policy(policy);
            TwinRun.Counts counts = TwinRun.run(p, p::create, c -> {
                PriorityDispatchScheduler reference = (PriorityDispatchScheduler) p.create(c);
                if (scanReference) {
                    reference.scanEveryDispatch();
                } else {
                    reference.rebuildEveryCall();
                }
                return reference;
            }, cell[0], cell[1], Long.parseLong(cell[2]) * 1_000_000_000L,
                    Map.of("blockLayers", Integer.toString(blockLayers)));
            String what = policy + " on " + cell[1] + ": " + counts;
            assertTrue(counts.decisions() >= 100 && counts.dispatches() >= 100, what);
            assertTrue(counts.maxJobs() >= Integer.parseInt(cell[3]), what);
        }
    }

    static SchedulerPolicy policy(String id) {
        return switch (id) {
            case "edf" -> new EdfPolicy();
            case "fcfs" -> new FcfsPolicy();
            case "lsf" -> new LsfPolicy();
            default -> new RoundRobinPolicy();
        };
    }
}
