package org.rtmmlab.cli;

import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/** A plugin-jar scheduler whose decide() never returns from 10 ms on (packed into a jar by CliReliabilityTest). */
public final class SpinningPolicy implements SchedulerPolicy {

    /** Set by the test when it is done, so the abandoned thread ends. */
    public static volatile boolean release;

    /** For ServiceLoader. */
    public SpinningPolicy() {
    }

    @Override
    public String id() {
        return "test-spinning";
    }

    @Override
    public String description() {
        return "loops forever in decide() from 10 ms on";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return (view, decisions) -> {
            while (view.now() >= 10_000_000L && !release) {
                Thread.onSpinWait();
            }
            for (int j = 0; j < view.jobCount(); j++) {
                for (int a = 0; a < view.acceleratorCount(); a++) {
                    if (view.ready(j) && view.idle(a)) {
                        decisions.dispatch(j, a, view.layerCount(j) - view.nextLayer(j));
                    }
                }
            }
        };
    }
}
