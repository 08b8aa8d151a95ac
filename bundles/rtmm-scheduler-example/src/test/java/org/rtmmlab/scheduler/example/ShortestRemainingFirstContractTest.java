package org.rtmmlab.scheduler.example;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/**
 * example-srf meets the scheduler contract of rtmm-testkit (small hand-computable scenarios and XRBench runs through
 * the real engine), with its default block of one layer and with blocks of four layers. Copy this class with the
 * bundle: it is the first test a new policy should pass.
 */
class ShortestRemainingFirstContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new ShortestRemainingFirstPolicy();
    }

    @Nested
    class WithBlocksOfFourLayers extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new ShortestRemainingFirstPolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return Map.of("blockLayers", "4");
        }
    }
}
