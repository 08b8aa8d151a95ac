package org.rtmmlab.scheduler.classic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Policy {@code lsf}: least slack first, preemptive at block boundaries ({@code docs/baselines.md}, "FCFS, EDF, RR,
 * LSF" and common porting rules 1, 2 and 4).
 *
 * <p>Rule: slack = absolute deadline - now - isolated remaining latency (each remaining layer on its fastest
 * accelerator, {@link SchedulerView#remainingLatencyFastestNs}). While an accelerator is idle, take the ready job with
 * the least slack (ties: earlier deadline, earlier arrival, lower job id) and run its next {@code blockLayers} layers
 * (default 1; 0 = the whole remaining job) on the idle accelerator with the lowest latency for that block (ties: lower
 * energy, then lower index). Slack is recomputed at every decision point. Never drops. ConfigAdmin PID
 * {@code org.rtmmlab.scheduler.lsf} sets defaults; run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = LsfPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class LsfPolicy extends JobOrderingPolicy {

    /** Policy id. */
    public static final String ID = "lsf";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.lsf";

    /** Creates the policy with built-in defaults. */
    public LsfPolicy() {
        super(ID, "least slack first (deadline - now - isolated remaining latency), preemptive at block boundaries",
                1, PER_BLOCK, LsfScheduler::new);
    }

    /** Per-run LSF state: the block size and the shared dispatch loop's scratch. */
    static final class LsfScheduler extends PriorityDispatchScheduler {

        LsfScheduler(int blockLayers) {
            super(blockLayers);
        }

        /** @return slack of job {@code j} now, ns (negative when it can no longer make its deadline) */
        static long slackNs(SchedulerView view, int j) {
            return view.deadlineNs(j) - view.now()
                    - view.remainingLatencyFastestNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j));
        }

        @Override
        long key(SchedulerView view, int j) {
            return slackNs(view, j);
        }

        @Override
        boolean precedes(SchedulerView view, int j, int k) {
            long sj = slackNs(view, j);
            long sk = slackNs(view, k);
            if (sj != sk) {
                return sj < sk;
            }
            if (view.deadlineNs(j) != view.deadlineNs(k)) {
                return view.deadlineNs(j) < view.deadlineNs(k);
            }
            if (view.arrivalNs(j) != view.arrivalNs(k)) {
                return view.arrivalNs(j) < view.arrivalNs(k);
            }
            return view.jobId(j) < view.jobId(k);
        }
    }
}
