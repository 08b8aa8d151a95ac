package org.rtmmlab.scheduler.herald;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * Herald's run-time side: every accelerator serves the blocks the {@link StaticMap} gives it, first come first served
 * by request arrival (ties: frame, then job id); a job's next block is ready once its previous block finished, so
 * each queue is served in dependency order. An idle accelerator whose queue has no ready block stays idle.
 *
 * <p>A job's next block belongs to exactly one accelerator, so one pass over the jobs finds the head of every idle
 * accelerator's queue at once (the head's keys kept in arrays, no view call per comparison): the same choice as
 * scanning the jobs once per idle accelerator, at a cost linear in the jobs instead of jobs x accelerators.
 */
final class HeraldScheduler implements Scheduler {

    private final StaticMap map;
    private int[] head = new int[0];
    private long[] headArrival = new long[0];
    private long[] headFrame = new long[0];
    private long[] headId = new long[0];

    HeraldScheduler(StaticMap map) {
        this.map = map;
    }

    @Override
    public void decide(SchedulerView view, Decisions decisions) {
        int accelerators = view.acceleratorCount();
        if (head.length < accelerators) {
            head = new int[accelerators];
            headArrival = new long[accelerators];
            headFrame = new long[accelerators];
            headId = new long[accelerators];
        }
        int idle = 0;
        for (int a = 0; a < accelerators; a++) {
            head[a] = -1;
            if (view.idle(a)) {
                idle++;
            }
        }
        if (idle == 0) {
            return;
        }
        for (int j = 0; j < view.jobCount(); j++) {
            if (!view.ready(j)) {
                continue;
            }
            int next = view.nextLayer(j);
            if (next >= view.layerCount(j)) {
                continue;
            }
            int a = map.acceleratorOf(view.jobModel(j), next);
            if (!view.idle(a)) {
                continue;
            }
            long arrival = view.arrivalNs(j);
            if (head[a] >= 0 && arrival > headArrival[a]) {
                continue;
            }
            long frame = view.jobFrame(j);
            long id = view.jobId(j);
            if (head[a] < 0 || arrival < headArrival[a]
                    || frame < headFrame[a] || frame == headFrame[a] && id < headId[a]) {
                head[a] = j;
                headArrival[a] = arrival;
                headFrame[a] = frame;
                headId[a] = id;
            }
        }
        for (int a = 0; a < accelerators; a++) {
            int j = head[a];
            if (j >= 0) {
                decisions.dispatch(j, a, map.layersToBlockEnd(view.nextLayer(j), view.layerCount(j)));
            }
        }
    }
}
