package org.rtmmlab.itest.swap;

import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Test fixture {@code swap-lifo}: newest ready request first, whole model, on the lowest-index idle accelerator. It
 * records the wall time of its schedulers' first decision ({@link #firstDecisionNanos()}, read by the itests through
 * reflection) so the swap latency (swap request to the new policy's first decision) can be measured.
 */
@Component(service = SchedulerPolicy.class)
public class LifoPolicy implements SchedulerPolicy {

    private static final AtomicLong FIRST_DECISION = new AtomicLong();

    /** @return System.nanoTime() of the first decide() of the scheduler created last, or 0 before one */
    public static long firstDecisionNanos() {
        return FIRST_DECISION.get();
    }

    @Override
    public String id() {
        return "swap-lifo";
    }

    @Override
    public String description() {
        return "test fixture: newest ready request first, whole model";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        FIRST_DECISION.set(0);
        return new Scheduler() {
            private boolean first = true;

            @Override
            public void decide(SchedulerView v, Decisions d) {
                if (first) {
                    first = false;
                    FIRST_DECISION.compareAndSet(0, System.nanoTime());
                }
                for (int j = v.jobCount() - 1; j >= 0; j--) {
                    if (!v.ready(j)) {
                        continue;
                    }
                    for (int a = 0; a < v.acceleratorCount(); a++) {
                        if (v.idle(a)) {
                            d.dispatch(j, a, v.layerCount(j) - v.nextLayer(j));
                            break;
                        }
                    }
                }
            }
        };
    }
}
