package org.rtmmlab.scheduler.dream;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/**
 * The testkit's scheduler contract for the four DREAM policy ids: with default properties (one expectation replaced,
 * see {@link DreamDefaultsContract}) and, unmodified, with admission-control drops off.
 */
class DreamContractTest extends DreamDefaultsContract {

    private static final Map<String, String> NO_DROPS = Map.of(DreamSettings.DROP, "false");

    @Override
    protected SchedulerPolicy policy() {
        return new DreamPolicy();
    }

    @Nested
    class NoTune extends DreamDefaultsContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamNoTunePolicy();
        }
    }

    @Nested
    class NoSupernet extends DreamDefaultsContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamNoSupernetPolicy();
        }
    }

    @Nested
    class Static extends DreamDefaultsContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamStaticPolicy();
        }
    }

    @Nested
    class DreamWithoutDrops extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamPolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return NO_DROPS;
        }
    }

    @Nested
    class NoTuneWithoutDrops extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamNoTunePolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return NO_DROPS;
        }
    }

    @Nested
    class NoSupernetWithoutDrops extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamNoSupernetPolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return NO_DROPS;
        }
    }

    @Nested
    class StaticWithoutDrops extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new DreamStaticPolicy();
        }

        @Override
        protected Map<String, String> properties() {
            return NO_DROPS;
        }
    }
}
