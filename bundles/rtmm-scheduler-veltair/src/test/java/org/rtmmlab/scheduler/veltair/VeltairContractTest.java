package org.rtmmlab.scheduler.veltair;

import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** VELTAIR meets the scheduler contract. */
class VeltairContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new VeltairPolicy();
    }
}
