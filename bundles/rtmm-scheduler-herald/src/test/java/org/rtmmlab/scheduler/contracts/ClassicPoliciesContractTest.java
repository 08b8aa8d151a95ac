package org.rtmmlab.scheduler.contracts;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.scheduler.classic.EdfPolicy;
import org.rtmmlab.scheduler.classic.FcfsPolicy;
import org.rtmmlab.scheduler.classic.LsfPolicy;
import org.rtmmlab.scheduler.classic.RoundRobinPolicy;
import org.rtmmlab.scheduler.classic.XrbenchGreedyPolicy;
import org.rtmmlab.testkit.SchedulerPolicyContract;

/**
 * The classic policies (rtmm-scheduler-classic) meet the scheduler contract. Hosted here, not in the classic bundle,
 * because the contract needs rtmm-engine on the test classpath and rtmm-engine's tests depend on
 * rtmm-scheduler-classic: the classic bundle cannot depend on the engine without a reactor cycle (see the testkit
 * README). Move these classes into rtmm-scheduler-classic's tests once that edge is gone.
 */
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
