package org.rtmmlab.scheduler.rtmdl;

import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** rtmdl meets the scheduler contract (no CPU stages there: every layer is a GPU sub-task on the NPUs). */
class RtmdlContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new RtmdlPolicy();
    }
}
