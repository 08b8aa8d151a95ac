package org.rtmmlab.scheduler.classic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/**
 * Policy {@code xrbench-greedy}: the XRBench reference runtime's own dispatcher ("LatencyGreedy",
 * {@code docs/xrbench-runtime.md} section 4, from {@code HET_runtime.hpp} of XRBench-MLSys2023).
 *
 * <p>Rule, at every decision point: visit the models in byte-wise ({@link String#compareTo}) order of model id;
 * for each, consider only its OLDEST waiting job (lowest frame; FIFO per model). If that job is ready and an
 * accelerator is idle, run the job's whole remaining model as one block on the idle accelerator with the lowest
 * {@code remainingLatencyNs} (ties: lowest index; no energy term). Passes over all models repeat until a pass
 * dispatches nothing, so a model gets at most one dispatch per pass. It never drops: XRBench's drop rule (late
 * queued frames) is the engine's, in XRBench-compatibility mode.
 *
 * <p>Port choice: the runtime has one request queue per model, and XRBench scenarios have one task per model; here
 * the queue is per task, visited by (model id, task id), which is the same for XRBench scenarios and keeps frames
 * of two tasks of one model apart. No properties.
 */
@Component(service = SchedulerPolicy.class)
@ServiceProvider(value = SchedulerPolicy.class, resolution = Resolution.OPTIONAL)
public final class XrbenchGreedyPolicy implements SchedulerPolicy {

    /** Policy id. */
    public static final String ID = "xrbench-greedy";

    /** Creates the (stateless) policy. */
    public XrbenchGreedyPolicy() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "XRBench runtime dispatcher: models in name order, oldest frame each, whole model on the fastest idle"
                + " accelerator";
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        return new XrbenchGreedyScheduler();
    }
}
