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

    /** Per-run LSF state: the block size and the shared dispatch loop's job order. */
    static final class LsfScheduler extends PriorityDispatchScheduler {

        LsfScheduler(int blockLayers) {
            super(blockLayers);
        }

        /** @return slack of job {@code j} now, ns (negative when it can no longer make its deadline) */
        static long slackNs(SchedulerView view, int j) {
            return view.deadlineNs(j) - view.now() - isolatedRemainingNs(view, j);
        }

        private static long isolatedRemainingNs(SchedulerView view, int j) {
            return view.remainingLatencyFastestNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j));
        }

        /**
         * Least slack first: every job's slack has the same {@code - now}, so the order of slacks is that of
         * deadline - isolated remaining latency, which stays fixed while a job waits ({@link JobOrder}).
         */
        @Override
        public long key1(SchedulerView view, int j) {
            return view.deadlineNs(j) - isolatedRemainingNs(view, j);
        }

        /** Equal slack: earlier deadline; then earlier arrival, then lower job id (the order's tie-breaks). */
        @Override
        public long key2(SchedulerView view, int j) {
            return view.deadlineNs(j);
        }
    }
}
