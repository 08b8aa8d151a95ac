package org.rtmmlab.scheduler.prema;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** PREMA meets the scheduler contract, also with kill preemption enabled. */
class PremaContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new PremaPolicy();
    }

    @Nested
    class WithKills extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new PremaPolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return Map.of("checkpointNs", "2000000");
        }
    }
}
