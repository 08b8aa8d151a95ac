package org.rtmmlab.scheduler.prema;

import java.util.Arrays;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/**
 * PREMA's per-run state and decision loop. At every decision point the tokens age; then, while an accelerator is
 * idle: the candidates are the ready jobs whose token reached the threshold (the largest of 9, 3, 1 reached by the
 * top token among the ready jobs); the candidate with the shortest estimated remaining time (isolated latency of its
 * remaining layers; ties: higher token, earlier arrival, lower id) gets the idle accelerator that runs its next block
 * fastest (common porting rule 4). If another job's block just ended on that
 * accelerator (the incumbent, now preempted at the block boundary), the preemption mechanism is chosen: drain (the
 * incumbent runs its whole remainder now, if that is no longer than the candidate's estimated remaining time), else
 * kill (restart the incumbent, if its executed work is at most {@code checkpointNs}), else checkpoint (the incumbent
 * keeps its progress and waits). Blocks are {@code blockLayers} layers.
 *
 * <p>The waiting jobs, their tokens and the possible incumbents are kept across calls in {@link TokenQueues}, so a
 * decision costs O(log backlog) per job it looks at instead of scans of the backlog (issue 15). A view whose job ids
 * do not increase (a hand-made one) is decided by {@link PremaScan}, the same rule by scans.
 */
final class PremaScheduler implements Scheduler {

    private final PremaSettings settings;
    private final TokenQueues queues = new TokenQueues();
    private PremaScan scan;
    private boolean[] accTaken = new boolean[0];

    PremaScheduler(PremaSettings settings) {
        this.settings = settings;
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        if (scan != null || !queues.begin(view)) {
            if (scan == null) {
                scan = new PremaScan(settings); // from here on (tokens kept so far are not carried over)
            }
            scan.decide(view, decisions);
            return;
        }
        if (accTaken.length < view.acceleratorCount()) {
            accTaken = new boolean[view.acceleratorCount()];
        } else {
            Arrays.fill(accTaken, 0, view.acceleratorCount(), false);
        }
        while (true) {
            int c = queues.candidate(view);
            if (c < 0) {
                return;
            }
            int a = acceleratorFor(view, c);
            if (a < 0) {
                return;
            }
            int incumbent = queues.incumbent(view, a, c);
            if (incumbent >= 0 && drains(view, incumbent, a, c)) {
                decisions.dispatch(incumbent, a, view.layerCount(incumbent) - view.nextLayer(incumbent));
                accTaken[a] = true;
                queues.incumbentDispatched();
                continue; // the candidate competes again for the other accelerators
            }
            if (incumbent >= 0 && executedNs(view, incumbent) <= settings.checkpointNs()) {
                decisions.restart(incumbent); // kill: redoing its little work is cheaper than a checkpoint
                queues.incumbentRestarted(view, incumbent);
            }
            int remaining = view.layerCount(c) - view.nextLayer(c);
            decisions.dispatch(c, a, Math.min(settings.blockLayers(), remaining));
            accTaken[a] = true;
            queues.candidateDispatched();
        }
    }

    private static long remainingNs(SchedulerView view, int j) {
        return view.remainingLatencyFastestNs(view.jobModel(j), view.jobVariant(j), view.nextLayer(j));
    }

    private static long executedNs(SchedulerView view, int j) {
        return Tokens.isolatedNs(view, j) - remainingNs(view, j);
    }

    /** @return the idle accelerator that runs job {@code j}'s next block fastest (ties: lower energy, lower index) */
    private int acceleratorFor(SchedulerView view, int j) {
        int from = view.nextLayer(j);
        int layers = Math.min(settings.blockLayers(), view.layerCount(j) - from);
        return AcceleratorChoice.fastestIdle(view, accTaken, view.jobModel(j), view.jobVariant(j), from, layers, true);
    }

    /** @return true if the incumbent's remainder on {@code a} is no longer than the candidate's remaining time */
    private static boolean drains(SchedulerView view, int incumbent, int a, int c) {
        long rest = view.remainingLatencyNs(view.jobModel(incumbent), view.jobVariant(incumbent),
                view.nextLayer(incumbent), a);
        return rest <= remainingNs(view, c);
    }

    @Override
    public void observe(RequestRecord record) {
        if (scan != null) {
            scan.observe(record);
        }
    }
}
