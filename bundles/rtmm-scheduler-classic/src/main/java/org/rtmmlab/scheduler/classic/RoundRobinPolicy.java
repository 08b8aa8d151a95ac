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

        private int rank(SchedulerView view, int j) {
            int models = view.modelCount();
            return Math.floorMod(view.jobModel(j) - turn, models);
        }

        @Override
        long key(SchedulerView view, int j) {
            return rank(view, j);
        }

        @Override
        boolean precedes(SchedulerView view, int j, int k) {
            int rj = rank(view, j);
            int rk = rank(view, k);
            if (rj != rk) {
                return rj < rk;
            }
            if (view.arrivalNs(j) != view.arrivalNs(k)) {
                return view.arrivalNs(j) < view.arrivalNs(k);
            }
            return view.jobId(j) < view.jobId(k);
        }

        @Override
        void dispatched(SchedulerView view, int j, int a) {
            turn = (view.jobModel(j) + 1) % view.modelCount();
        }
    }
}
