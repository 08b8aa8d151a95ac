package org.rtmmlab.scheduler.herald;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Herald's run-time side: every accelerator serves the blocks the {@link StaticMap} gives it, first come first served
 * by request arrival (ties: frame, then job id); a job's next block is ready once its previous block finished, so
 * each queue is served in dependency order. An idle accelerator whose queue has no ready block stays idle.
 */
final class HeraldScheduler implements Scheduler {

    private final StaticMap map;
    private boolean[] taken = new boolean[0];

    HeraldScheduler(StaticMap map) {
        this.map = map;
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        if (taken.length < view.jobCount()) {
            taken = new boolean[Math.max(view.jobCount(), taken.length * 2)];
        }
        Arrays.fill(taken, 0, view.jobCount(), false);
        for (int a = 0; a < view.acceleratorCount(); a++) {
            if (!view.idle(a)) {
                continue;
            }
            int j = firstQueued(view, a);
            if (j >= 0) {
                int from = view.nextLayer(j);
                decisions.dispatch(j, a, map.layersToBlockEnd(from, view.layerCount(j)));
                taken[j] = true;
            }
        }
    }

    private int firstQueued(SchedulerView view, int a) {
        int best = -1;
        for (int j = 0; j < view.jobCount(); j++) {
            if (taken[j] || !view.ready(j) || view.nextLayer(j) >= view.layerCount(j)
                    || map.acceleratorOf(view.jobModel(j), view.nextLayer(j)) != a) {
                continue;
            }
            if (best < 0 || before(view, j, best)) {
                best = j;
            }
        }
        return best;
    }

    private static boolean before(SchedulerView view, int j, int k) {
        if (view.arrivalNs(j) != view.arrivalNs(k)) {
            return view.arrivalNs(j) < view.arrivalNs(k);
        }
        if (view.jobFrame(j) != view.jobFrame(k)) {
            return view.jobFrame(j) < view.jobFrame(k);
        }
        return view.jobId(j) < view.jobId(k);
    }
}
