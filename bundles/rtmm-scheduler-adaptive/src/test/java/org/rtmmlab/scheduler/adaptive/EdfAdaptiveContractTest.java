package org.rtmmlab.scheduler.adaptive;

import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/** The testkit's scheduler contract for {@code edf-adaptive} (default properties). */
class EdfAdaptiveContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new EdfAdaptivePolicy();
    }
}
