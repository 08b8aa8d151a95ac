package org.rtmmlab.scheduler.classic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Policy {@code edf}: earliest absolute deadline first, preemptive at block boundaries
 * ({@code docs/baselines.md}, "FCFS, EDF, RR, LSF" and common porting rules 1 and 4).
 *
 * <p>Rule: while an accelerator is idle, take the ready job with the earliest absolute deadline (ties: earlier
 * arrival, then lower job id) and run its next {@code blockLayers} layers (default 1; 0 = the whole remaining
 * job, i.e. non-preemptive EDF) on the idle accelerator with the lowest latency for that block (ties: lower
 * energy, then lower index). Every block end is a new decision, so a job with an earlier deadline that arrived
 * meanwhile goes first. Never drops. ConfigAdmin PID
 * {@code org.rtmmlab.scheduler.edf} sets defaults; run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = EdfPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class EdfPolicy extends JobOrderingPolicy {

    /** Policy id. */
    public static final String ID = "edf";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.edf";

    /** Creates the (stateless) policy. */
    public EdfPolicy() {
        super(ID, "earliest deadline first, preemptive at block boundaries, fastest idle accelerator", 1, PER_BLOCK,
                EdfScheduler::new);
    }

    /** Per-run EDF state: the block size and the shared dispatch loop's job order. */
    static final class EdfScheduler extends PriorityDispatchScheduler {

        EdfScheduler(int blockLayers) {
            super(blockLayers);
        }

        /** Earliest deadline first; ties: earlier arrival, then lower job id (the order's own tie-breaks). */
        @Override
        public long key1(SchedulerView view, int j) {
            return view.deadlineNs(j);
        }
    }
}
