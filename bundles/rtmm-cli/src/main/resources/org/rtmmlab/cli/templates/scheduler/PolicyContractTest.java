package @PACKAGE@;

import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/**
 * {@code @NAME@} meets the lab's scheduler contract: hand-computable scenarios and XRBench runs through the real
 * engine, each run twice (invalid decisions, record invariants, determinism). To check other properties too, add
 * a {@code @Nested} class extending the contract that overrides {@code properties()}, e.g.
 * {@code Map.of("blockLayers", "8")}.
 */
class @CLASS@ContractTest extends SchedulerPolicyContract {

    @Override
    protected SchedulerPolicy policy() {
        return new @CLASS@();
    }
}
