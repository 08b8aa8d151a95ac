package org.rtmmlab.scheduler.prema;

import java.util.Arrays;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/**
 * PREMA's rule by scans of the whole view at every call (the scheduler before issue 15); {@link PremaScheduler} makes
 * the same decisions without the scans and falls back to this for a view whose job ids do not increase (a hand-made
 * view); the equivalence test holds it to this. At every decision point the tokens age; then, while an accelerator is
 * idle: the candidates are the ready jobs whose token reached the threshold (the largest of 9, 3, 1 reached by the
 * top token among the ready jobs); the candidate with the shortest estimated remaining time (isolated latency of its
 * remaining layers; ties: higher token, earlier arrival, lower id) gets the idle accelerator that runs its next block
 * fastest (common porting rule 4). If another job's block just ended on that
 * accelerator (the incumbent, now preempted at the block boundary), the preemption mechanism is chosen: drain (the
 * incumbent runs its whole remainder now, if that is no longer than the candidate's estimated remaining time), else
 * kill (restart the incumbent, if its executed work is at most {@code checkpointNs}), else checkpoint (the incumbent
 * keeps its progress and waits). Blocks are {@code blockLayers} layers.
 */
final class PremaScan implements Scheduler {

    private final PremaSettings settings;
    private final Tokens tokens = new Tokens();
    private boolean[] jobTaken = new boolean[0];
    private boolean[] accTaken = new boolean[0];

    PremaScan(PremaSettings settings) {
        this.settings = settings;
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        tokens.age(view);
        jobTaken = cleared(jobTaken, view.jobCount());
        accTaken = cleared(accTaken, view.acceleratorCount());
        while (true) {
            int c = candidate(view);
            if (c < 0) {
                return;
            }
            int a = acceleratorFor(view, c);
            if (a < 0) {
                return;
            }
            int incumbent = incumbent(view, a, c);
            if (incumbent >= 0 && drains(view, incumbent, a, c)) {
                dispatch(view, decisions, incumbent, a, view.layerCount(incumbent) - view.nextLayer(incumbent));
                continue; // the candidate competes again for the other accelerators
            }
            if (incumbent >= 0 && executedNs(view, incumbent) <= settings.checkpointNs()) {
                decisions.restart(incumbent); // kill: redoing its little work is cheaper than a checkpoint
            }
            int remaining = view.layerCount(c) - view.nextLayer(c);
            dispatch(view, decisions, c, a, Math.min(settings.blockLayers(), remaining));
        }
    }

    private void dispatch(SchedulerView view, Decisions decisions, int j, int a, int layers) {
        decisions.dispatch(j, a, layers);
        jobTaken[j] = true;
        accTaken[a] = true;
    }

    /** @return the job PREMA runs next among the untaken ready jobs, or -1 */
    int candidate(SchedulerView view) {
        double top = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < view.jobCount(); j++) {
            if (eligible(view, j)) {
                top = Math.max(top, tokens.of(view, j));
            }
        }
        int threshold = Tokens.threshold(top);
        int best = -1;
        for (int j = 0; j < view.jobCount(); j++) {
            if (eligible(view, j) && tokens.of(view, j) >= threshold && (best < 0 || before(view, j, best))) {
                best = j;
            }
        }
        return best;
    }

    private boolean eligible(SchedulerView view, int j) {
        return !jobTaken[j] && view.ready(j) && view.nextLayer(j) < view.layerCount(j);
    }

    private boolean before(SchedulerView view, int j, int k) {
        long rj = remainingNs(view, j);
        long rk = remainingNs(view, k);
        if (rj != rk) {
            return rj < rk;
        }
        double tj = tokens.of(view, j);
        double tk = tokens.of(view, k);
        if (tj != tk) {
            return tj > tk;
        }
        if (view.arrivalNs(j) != view.arrivalNs(k)) {
            return view.arrivalNs(j) < view.arrivalNs(k);
        }
        return view.jobId(j) < view.jobId(k);
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

    /** @return the started job (not {@code c}) whose block just ended on accelerator {@code a}, or -1 */
    private int incumbent(SchedulerView view, int a, int c) {
        for (int j = 0; j < view.jobCount(); j++) {
            if (j != c && eligible(view, j) && view.nextLayer(j) > 0 && view.lastAccelerator(j) == a
                    && view.lastRunEndNs(j) == view.now()) {
                return j;
            }
        }
        return -1;
    }

    /** @return true if the incumbent's remainder on {@code a} is no longer than the candidate's remaining time */
    private static boolean drains(SchedulerView view, int incumbent, int a, int c) {
        long rest = view.remainingLatencyNs(view.jobModel(incumbent), view.jobVariant(incumbent),
                view.nextLayer(incumbent), a);
        return rest <= remainingNs(view, c);
    }

    @Override
    public void observe(RequestRecord record) {
        tokens.forget(record.requestId());
    }

    private static boolean[] cleared(boolean[] marks, int size) {
        if (marks.length < size) {
            return new boolean[Math.max(size, marks.length * 2)];
        }
        Arrays.fill(marks, 0, size, false);
        return marks;
    }
}
