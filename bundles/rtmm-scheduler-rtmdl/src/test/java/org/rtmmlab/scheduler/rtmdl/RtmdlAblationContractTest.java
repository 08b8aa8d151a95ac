package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** The ablations meet the contract and do not declare the property they fix. */
class RtmdlAblationContractTest {

    @Test
    void ablationsDoNotDeclareTheirFixedKey() {
        assertEquals("rtmdl-nopack", new RtmdlNoPackPolicy().id());
        assertFalse(new RtmdlNoPackPolicy().properties().stream().map(PropertySpec::key).toList().contains("packing"));
        assertFalse(new RtmdlNoSplitPolicy().properties().stream().map(PropertySpec::key).toList().contains("split"));
        assertFalse(new RtmdlNoScalePolicy().properties().stream().map(PropertySpec::key).toList()
                .contains("scaling"));
        assertEquals(7, new RtmdlPolicy().properties().size());
    }

    @Nested
    class NoPack extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new RtmdlNoPackPolicy();
        }
    }

    @Nested
    class NoScale extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new RtmdlNoScalePolicy();
        }
    }

    @Nested
    class NoSplit extends SchedulerPolicyContract {
        @Override
        protected SchedulerPolicy policy() {
            return new RtmdlNoSplitPolicy();
        }
    }
}
