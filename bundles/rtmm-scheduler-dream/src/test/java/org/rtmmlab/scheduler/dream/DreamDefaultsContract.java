package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.testkit.RunRecorder;
import org.rtmmlab.testkit.engine.SchedulerPolicyContract;

/**
 * The scheduler contract for a DREAM policy with admission-control drops on (the default). One expectation differs,
 * on purpose: in {@code testkit/overload} every frame needs 8 ms of work with a 5 ms deadline, so no frame can be on
 * time even alone; DREAM's drop rule (a frame whose deadline cannot be met is dropped instead of spending energy on
 * it) drops each at release, where a policy without drops completes some late. This class asserts that instead
 * (stricter: every frame dropped by the policy, no layer run); the unmodified contract, with its "makes progress"
 * expectation, runs in {@link DreamContractTest}'s configurations with {@code drop=false}.
 */
abstract class DreamDefaultsContract extends SchedulerPolicyContract {

    @Test
    @Override
    public void overloadIsAccountedAndMakesProgress() {
        RunRecorder.Recording rec = checkedRun("testkit/overload", "testkit/one", 0);
        FrameCounts f = rec.result().frames();
        assertEquals(new FrameCounts(20, 0, 0, 20, 0), f, "8 ms frames with 5 ms deadlines: all hopeless");
        assertTrue(rec.requests().stream().allMatch(r -> r.dropCause() == DropCause.POLICY && r.startNs() < 0),
                "dropped by the policy before any layer ran: " + rec.requests());
        assertTrue(rec.blocks().isEmpty(), "no energy spent on hopeless frames");
    }
}
