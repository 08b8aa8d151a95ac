package org.rtmmlab.scheduler.planaria;

import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** Planaria meets the scheduler contract. */
class PlanariaContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new PlanariaPolicy();
    }
}
