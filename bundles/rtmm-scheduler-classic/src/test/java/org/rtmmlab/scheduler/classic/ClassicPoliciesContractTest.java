package org.rtmmlab.scheduler.classic;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** The classic policies meet the scheduler contract (rtmm-testkit-engine), each with its defaults, FCFS also in blocks. */
class ClassicPoliciesContractTest {

    @Nested
    class XrbenchGreedy extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new XrbenchGreedyPolicy();
        }
    }

    @Nested
    class Fcfs extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new FcfsPolicy();
        }
    }

    @Nested
    class FcfsInBlocksOfThree extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new FcfsPolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return Map.of("blockLayers", "3");
        }
    }

    @Nested
    class Edf extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new EdfPolicy();
        }
    }

    @Nested
    class RoundRobin extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new RoundRobinPolicy();
        }
    }

    @Nested
    class LeastSlackFirst extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new LsfPolicy();
        }
    }
}
