package org.rtmmlab.scheduler.herald;

import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** Herald meets the scheduler contract. */
class HeraldContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new HeraldPolicy();
    }
}
