package org.rtmmlab.scheduler.classic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Policy {@code rr}: round-robin over models, one block per turn ({@code docs/baselines.md}, "FCFS, EDF, RR, LSF"
 * and common porting rules 1 and 4).
 *
 * <p>Rule: the models (scenario order) take turns. While an accelerator is idle, the next model in cyclic order after
 * the one served last that has a ready job gets one block: its oldest ready job (earliest arrival, then lower job id)
 * runs its next {@code blockLayers} layers (default 1; 0 = the whole remaining job) on the idle accelerator with the
 * lowest latency for that block (ties: lower energy, then lower index); the turn then passes to the following model.
 * The turn survives across decision points. Never drops. ConfigAdmin PID {@code org.rtmmlab.scheduler.rr} sets
 * defaults; run properties win.
 */
@Component(service = SchedulerPolicy.class, configurationPid = RoundRobinPolicy.PID)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class RoundRobinPolicy extends JobOrderingPolicy {

    /** Policy id. */
    public static final String ID = "rr";
    /** ConfigAdmin PID of the defaults. */
    public static final String PID = "org.rtmmlab.scheduler.rr";

    /** Creates the policy with built-in defaults. */
    public RoundRobinPolicy() {
        super(ID, "round-robin over models, one block per turn, fastest idle accelerator", 1,
                "layers per turn; 0 = the whole remaining job", RoundRobinScheduler::new);
    }

    /** Per-run round-robin state: the model whose turn it is. */
    static final class RoundRobinScheduler extends PriorityDispatchScheduler {

        /** Model index whose turn comes first. */
        private int turn;

        RoundRobinScheduler(int blockLayers) {
            super(blockLayers);
        }

        /** One queue per model, each oldest first (earlier arrival, then lower job id: the order's tie-breaks). */
        @Override
        public int queue(SchedulerView view, int j) {
            return view.jobModel(j);
        }

        @Override
        public int queueCount(SchedulerView view) {
            return view.modelCount();
        }

        /** The models take turns from the one after the model served last, in cyclic scenario order. */
        @Override
        int queueAt(SchedulerView view, int rank) {
            return (turn + rank) % view.modelCount();
        }

        @Override
        void dispatched(SchedulerView view, int j, int a) {
            turn = (view.jobModel(j) + 1) % view.modelCount();
        }
    }
}
