package org.rtmmlab.testkit;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.scheduler.Decisions;

/**
 * Records the decisions a scheduler makes on a {@link HandView} and rejects what the engine would reject (unknown
 * job or accelerator, job not ready or dispatched twice, layer count out of range, share that does not fit the
 * accelerator's free share or partitions, drop or restart of a running job). The log reads
 * {@code "<jobId>@<acceleratorId>x<layers>"} (plus {@code "/<share>"} for a share below 1), {@code "drop <jobId>"},
 * {@code "restart <jobId>"}, {@code "variant <jobId>=<v>"} and {@code "wake <ns>"}, in call order.
 */
public final class HandDecisions implements Decisions {

    private static final double EPSILON = 1e-9;

    private final HandView view;
    private final double[] used;
    private final int[] blocks;
    private final boolean[] dispatched;
    private final int[] progress;
    private final List<String> log = new ArrayList<>();

    /** @param view the view the scheduler decides on */
    public HandDecisions(HandView view) {
        this.view = view;
        used = new double[view.acceleratorCount()];
        blocks = new int[view.acceleratorCount()];
        for (int a = 0; a < used.length; a++) {
            used[a] = 1 - view.freeShare(a);
            blocks[a] = view.idle(a) ? 0 : 1;
        }
        dispatched = new boolean[view.jobCount()];
        progress = new int[view.jobCount()];
        for (int j = 0; j < progress.length; j++) {
            progress[j] = view.nextLayer(j);
        }
    }

    /** @return the decisions so far, in call order */
    public List<String> log() {
        return log;
    }

    private void checkJob(int job) {
        if (job < 0 || job >= view.jobCount()) {
            throw new AssertionError("unknown job index " + job);
        }
    }

    @Override
    public void dispatch(int job, int accelerator, int layers, double share) {
        checkJob(job);
        if (accelerator < 0 || accelerator >= view.acceleratorCount()) {
            throw new AssertionError("unknown accelerator " + accelerator);
        }
        if (!view.ready(job) || dispatched[job]) {
            throw new AssertionError("job " + view.jobId(job) + " is not ready");
        }
        int remaining = view.layerCount(job) - progress[job];
        if (layers < 1 || layers > remaining) {
            throw new AssertionError("layers " + layers + " outside [1, " + remaining + "]");
        }
        int partitions = view.accelerator(accelerator).partitions();
        boolean fits = partitions == 1 ? share == 1.0 && used[accelerator] == 0
                : share > 0 && share <= 1 && blocks[accelerator] < partitions
                && used[accelerator] + share <= 1 + EPSILON;
        if (!fits) {
            throw new AssertionError("share " + share + " does not fit accelerator " + accelerator + " (used "
                    + used[accelerator] + ", " + partitions + " partitions)");
        }
        used[accelerator] += share;
        blocks[accelerator]++;
        dispatched[job] = true;
        String id = view.accelerator(accelerator).id();
        log.add(view.jobId(job) + "@" + id + "x" + layers + (share < 1 ? "/" + share : ""));
    }

    @Override
    public void drop(int job) {
        checkJob(job);
        if (view.runningOn(job) >= 0 || dispatched[job]) {
            throw new AssertionError("drop of running job " + view.jobId(job));
        }
        dispatched[job] = true;
        log.add("drop " + view.jobId(job));
    }

    @Override
    public void selectVariant(int job, int variant) {
        checkJob(job);
        log.add("variant " + view.jobId(job) + "=" + variant);
    }

    @Override
    public void restart(int job) {
        checkJob(job);
        if (view.runningOn(job) >= 0 || dispatched[job]) {
            throw new AssertionError("restart of running job " + view.jobId(job));
        }
        progress[job] = 0;
        log.add("restart " + view.jobId(job));
    }

    @Override
    public void wakeAt(long timeNs) {
        if (timeNs <= view.now()) {
            throw new AssertionError("wake-up not in the future: " + timeNs);
        }
        log.add("wake " + timeNs);
    }
}
