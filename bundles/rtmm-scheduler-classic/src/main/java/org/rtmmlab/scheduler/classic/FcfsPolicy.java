package org.rtmmlab.scheduler.classic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Policy {@code fcfs}: first come, first served by request arrival (ties: lower job id), non-preemptive
 * ({@code docs/baselines.md}, "FCFS, EDF, RR, LSF" and common porting rules 1 and 4).
 *
 * <p>Rule: while an accelerator is idle, take the ready job that arrived first and run its remaining layers as one
 * block on the idle accelerator with the lowest latency for that block (ties: lower energy, then lower index).
 * Property {@code blockLayers} (default 0 = whole remaining job) cuts jobs into blocks of that many layers; a job
 * that has started then goes before every job that has not (non-preemptive), and keeps running on the accelerator
 * it last ran on when that one is idle. Never drops. ConfigAdmin PID
 * {@code org.rtmmlab.scheduler.fcfs} sets defaults; run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = FcfsPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class FcfsPolicy extends JobOrderingPolicy {

    /** Policy id. */
    public static final String ID = "fcfs";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.fcfs";

    /** Creates the (stateless) policy. */
    public FcfsPolicy() {
        super(ID, "first come first served by arrival, non-preemptive, fastest idle accelerator", 0,
                "layers per dispatched block; 0 = the whole remaining job", FcfsScheduler::new);
    }

    /** Per-run FCFS state: the block size and the shared dispatch loop's job order. */
    static final class FcfsScheduler extends PriorityDispatchScheduler {

        FcfsScheduler(int blockLayers) {
            super(blockLayers);
        }

        /** Started jobs first (non-preemptive); then earlier arrival, then lower job id (the order's tie-breaks). */
        @Override
        public long key1(SchedulerView view, int j) {
            return view.nextLayer(j) > 0 ? 0 : 1;
        }

        @Override
        int preferredAccelerator(SchedulerView view, int j) {
            return view.nextLayer(j) > 0 ? view.lastAccelerator(j) : -1;
        }
    }
}
