package org.rtmmlab.cli;

import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/** A plugin-jar scheduler whose decide() throws at 10 ms (packed into a jar by CliFailedRunTest). */
public final class ThrowingPolicy implements SchedulerPolicy {

    /** For ServiceLoader. */
    public ThrowingPolicy() {
    }

    @Override
    public String id() {
        return "test-throwing";
    }

    @Override
    public String description() {
        return "throws in decide() at 10 ms";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return (view, decisions) -> {
            if (view.now() >= 10_000_000L) {
                throw new IllegalStateException("no idea what to do");
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
