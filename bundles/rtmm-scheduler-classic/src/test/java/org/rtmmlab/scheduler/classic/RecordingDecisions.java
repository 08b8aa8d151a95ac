package org.rtmmlab.scheduler.classic;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.scheduler.Decisions;

/**
 * Records dispatches as {@code "<jobId>@acc<a>x<layers>"} and enforces what the engine would reject: a busy or
 * already-used accelerator, a job that is not ready or dispatched twice, a layer count out of range, a share
 * other than the whole accelerator. Classic policies never drop, restart or pick variants.
 */
final class RecordingDecisions implements Decisions {

    private final FakeView view;
    private final boolean[] usedAccelerator;
    private final boolean[] usedJob;
    final List<String> log = new ArrayList<>();

    RecordingDecisions(FakeView view) {
        this.view = view;
        this.usedAccelerator = new boolean[view.acceleratorCount()];
        this.usedJob = new boolean[view.jobCount()];
    }

    @Override
    public void dispatch(int job, int accelerator, int layers, double share) {
        if (job < 0 || job >= view.jobCount()) {
            throw new AssertionError("unknown job index " + job);
        }
        if (accelerator < 0 || accelerator >= view.acceleratorCount()) {
            throw new AssertionError("unknown accelerator " + accelerator);
        }
        if (!view.idle(accelerator) || usedAccelerator[accelerator]) {
            throw new AssertionError("dispatch onto busy accelerator " + accelerator);
        }
        if (!view.ready(job) || usedJob[job]) {
            throw new AssertionError("dispatch of job " + view.jobId(job) + " that is not ready");
        }
        int remaining = view.layerCount(job) - view.nextLayer(job);
        if (layers < 1 || layers > remaining) {
            throw new AssertionError("layers " + layers + " out of [1, " + remaining + "]");
        }
        if (share != 1.0) {
            throw new AssertionError("share " + share);
        }
        usedAccelerator[accelerator] = true;
        usedJob[job] = true;
        log.add(view.jobId(job) + "@acc" + accelerator + "x" + layers);
    }

    @Override
    public void drop(int job) {
        throw new AssertionError("unexpected drop");
    }

    @Override
    public void selectVariant(int job, int variant) {
        throw new AssertionError("unexpected variant choice");
    }

    @Override
    public void restart(int job) {
        throw new AssertionError("unexpected restart");
    }

    @Override
    public void wakeAt(long timeNs) {
        throw new AssertionError("unexpected wake-up");
    }

    /** @return true if accelerator {@code a} is idle and got nothing in this call */
    boolean stillIdle(int a) {
        return view.idle(a) && !usedAccelerator[a];
    }

    /** @return true if job {@code j} is ready and was not dispatched in this call */
    boolean stillReady(int j) {
        return view.ready(j) && !usedJob[j];
    }
}
