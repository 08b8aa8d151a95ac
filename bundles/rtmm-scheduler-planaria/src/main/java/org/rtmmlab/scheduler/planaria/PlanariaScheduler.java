package org.rtmmlab.scheduler.planaria;

import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.DecisionReason;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Planaria's per-run state: the current {@link Allocation}, recomputed when a request arrives or ends (finished or
 * dropped) and at the start, as in Planaria; between re-allocations every ready job with a grant runs its next
 * {@code blockLayers} layers on its granted share as soon as that share is free, so a new allocation takes effect at
 * the next block boundary.
 */
final class PlanariaScheduler implements Scheduler {

    private static final double EPSILON = 1e-9;

    private final PlanariaSettings settings;
    private final Allocation allocation = new Allocation();
    private boolean requestEnded = true;
    private final Backlog order;

    PlanariaScheduler(PlanariaSettings settings) {
        this(settings, new Backlog());
    }

    /** @param order the run's job order (a test passes one that rebuilds itself at every re-allocation) */
    PlanariaScheduler(PlanariaSettings settings, Backlog order) {
        this.settings = settings;
        this.order = order;
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        if (requestEnded || view.has(DecisionReason.ARRIVAL) || view.has(DecisionReason.DROPPED)
                || view.has(DecisionReason.START)) {
            allocation.compute(view, settings.shareSpare(), order);
            requestEnded = false;
        }
        // only the granted jobs (a few), in view-index order; the view's indices stay put between re-allocations
        // (jobs leave the view only when a request ends, which re-allocates), and a moved job is found by its id
        for (int i = 0; i < allocation.size(); i++) {
            int j = allocation.job(i);
            if (j >= view.jobCount() || view.jobId(j) != allocation.jobId(i)) {
                j = indexOf(view, allocation.jobId(i));
                if (j < 0) {
                    continue;
                }
            }
            if (!view.ready(j) || view.nextLayer(j) >= view.layerCount(j)) {
                continue;
            }
            int a = allocation.accelerator(i);
            double share = allocation.share(i);
            boolean fits = allocation.partitions(i) == 1 ? view.idle(a) : view.freeShare(a) + EPSILON >= share;
            if (fits) {
                int layers = Math.min(settings.blockLayers(), view.layerCount(j) - view.nextLayer(j));
                decisions.dispatch(j, a, layers, share);
            }
        }
    }

    /** @return the view index of request {@code jobId}, or -1 if it has left the view */
    private static int indexOf(SchedulerView view, long jobId) {
        for (int j = 0; j < view.jobCount(); j++) {
            if (view.jobId(j) == jobId) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public void observe(RequestRecord record) {
        requestEnded = true;
    }
}
