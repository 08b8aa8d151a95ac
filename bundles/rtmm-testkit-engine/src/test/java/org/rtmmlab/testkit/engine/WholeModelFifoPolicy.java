package org.rtmmlab.testkit.engine;

import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * A correct policy for the contract's self-test: each ready job, in the view's order, runs its remaining layers as
 * one block on the first idle accelerator. Registered for {@link java.util.ServiceLoader} in this module's test
 * resources, as a plugin's {@code @ServiceProvider} would be.
 */
public final class WholeModelFifoPolicy implements SchedulerPolicy {

    /** Creates the (stateless) policy. */
    public WholeModelFifoPolicy() {
    }

    @Override
    public String id() {
        return "testkit-whole-model-fifo";
    }

    @Override
    public String description() {
        return "self-test: ready jobs in order, whole remaining model on the first idle accelerator";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return (view, decisions) -> {
            boolean[] used = new boolean[view.acceleratorCount()];
            for (int j = 0; j < view.jobCount(); j++) {
                if (!view.ready(j)) {
                    continue;
                }
                for (int a = 0; a < used.length; a++) {
                    if (!used[a] && view.idle(a)) {
                        decisions.dispatch(j, a, view.layerCount(j) - view.nextLayer(j));
                        used[a] = true;
                        break;
                    }
                }
            }
        };
    }
}
