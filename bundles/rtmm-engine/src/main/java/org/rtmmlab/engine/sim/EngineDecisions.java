package org.rtmmlab.engine.sim;

import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.engine.SchedulingException;

/**
 * The engine-owned {@link Decisions} sink: validates each decision against the current state and applies it at
 * once, so later decisions of the same call see its effect (an accelerator just dispatched to is busy). An invalid
 * decision fails the run with a {@link SchedulingException} naming the policy, the decision and the reason.
 */
final class EngineDecisions implements Decisions {

    private static final double SHARE_EPSILON = 1e-9;

    private final Simulation sim;
    private boolean open;

    EngineDecisions(Simulation sim) {
        this.sim = sim;
    }

    void begin() {
        open = true;
    }

    void end() {
        open = false;
    }

    private void checkOpen(String decision) {
        if (!open) {
            throw new SchedulingException(sim.policyId, decision + " outside decide()", null);
        }
    }

    private SchedulingException reject(String decision, String why) {
        return new SchedulingException(sim.policyId, decision + " at t=" + sim.nowNs() + " ns rejected: " + why, null);
    }

    private Job job(String decision, int j) {
        int count = sim.view.jobCount();
        if (j < 0 || j >= count) {
            throw reject(decision, "unknown job index " + j + " (the view has " + count + " jobs)");
        }
        return sim.jobs.get(j);
    }

    private static String dispatchText(int job, int accelerator, int layers, double share) {
        return "dispatch(job " + job + ", accelerator " + accelerator + ", layers " + layers + ", share " + share + ")";
    }

    private SchedulingException rejectDispatch(int job, int accelerator, int layers, double share, String why) {
        return reject(dispatchText(job, accelerator, layers, share), why);
    }

    /** Fails with the right message when the sink is closed or the job index is unknown (only on the error path). */
    private void precheck(String decision, int j) {
        checkOpen(decision);
        job(decision, j);
    }

    @Override
    public void dispatch(int job, int accelerator, int layers, double share) {
        if (!open || job < 0 || job >= sim.view.jobCount()) {
            precheck(dispatchText(job, accelerator, layers, share), job);
        }
        Job j = sim.jobs.get(job);
        if (!sim.ready(j)) {
            throw rejectDispatch(job, accelerator, layers, share,
                    "job " + job + " (request " + j.id + ") is not ready: " + sim.notReadyReason(j));
        }
        if (accelerator < 0 || accelerator >= sim.accCount) {
            throw rejectDispatch(job, accelerator, layers, share,
                    "unknown accelerator index " + accelerator + " (platform has " + sim.accCount + ")");
        }
        if (layers < 1) {
            throw rejectDispatch(job, accelerator, layers, share,
                    "layer count must be >= 1");
        }
        if (j.nextLayer + layers > j.layerCount) {
            throw rejectDispatch(job, accelerator, layers, share,
                    "layers " + j.nextLayer + ".." + (j.nextLayer + layers - 1) + " go beyond the end of the "
                    + "model (" + j.layerCount + " layers)");
        }
        if (sim.in.compat() && j.nextLayer + layers != j.layerCount) {
            // docs/simulation.md / docs/xrbench-runtime.md section 4: the published runtime dispatches whole models, non-preemptively.
            throw rejectDispatch(job, accelerator, layers, share, "XRBench compatibility mode dispatches whole models"
                    + " (" + (j.layerCount - j.nextLayer) + " layers); a block-level policy runs in the default"
                    + " engine, or with a whole-model setting such as --set blockLayers=0 where it has one");
        }
        if (!(share > 0 && share <= 1)) {
            throw rejectDispatch(job, accelerator, layers, share,
                    "share must be in (0, 1]");
        }
        int a = accelerator;
        if (!sim.costs.blockSupported(j.model, j.variant, j.nextLayer, layers, a)) {
            throw rejectDispatch(job, accelerator, layers, share, unsupportedText(j, a, layers));
        }
        AcceleratorOccupancy occupancy = sim.occupancy;
        if (occupancy.partitions(a) == 1) {
            if (share < 1) {
                throw rejectDispatch(job, accelerator, layers, share,
                    "accelerator " + accName(a) + " has one partition; share must be 1");
            }
            if (!occupancy.idle(a)) {
                throw rejectDispatch(job, accelerator, layers, share,
                    "accelerator " + accName(a) + " is busy until " + occupancy.busyUntilNs(a, sim.nowNs()) + " ns");
            }
        } else {
            if (occupancy.running(a) >= occupancy.partitions(a)) {
                throw rejectDispatch(job, accelerator, layers, share,
                    "accelerator " + accName(a) + " already runs " + occupancy.running(a) + " blocks, its partition "
                        + "count");
            }
            if (occupancy.usedShare(a) + share > 1 + SHARE_EPSILON) {
                throw rejectDispatch(job, accelerator, layers, share,
                    "share does not fit: accelerator " + accName(a) + " has " + (1 - occupancy.usedShare(a))
                        + " free");
            }
        }
        sim.dispatchCount++;
        sim.startBlock(j, a, layers, share);
    }

    private String accName(int a) {
        return sim.costs.accelerator(a).id();
    }

    /** Names the first layer of the block that accelerator {@code a} cannot run (issue 13; only on the error path). */
    private String unsupportedText(Job j, int a, int layers) {
        int l = j.nextLayer;
        while (l < j.nextLayer + layers - 1 && sim.costs.supported(j.model, j.variant, l, a)) {
            l++;
        }
        org.rtmmlab.api.workload.Model model = sim.costs.model(j.model);
        org.rtmmlab.api.workload.Layer layer = model.layersOf(j.variant).get(l);
        return "accelerator " + sim.costs.accelerator(a).id() + " cannot run layer " + l + " (" + layer.name() + ", "
                + layer.type() + ") of model " + model.id() + " variant " + model.variantId(j.variant)
                + ": its cost model '" + sim.costs.costModel(a).id() + "' does not support it";
    }

    @Override
    public void drop(int job) {
        String d = "drop(job " + job + ")";
        checkOpen(d);
        Job j = job(d, job);
        if (j.ended) {
            throw reject(d, "job " + job + " has already ended");
        }
        if (j.runningOn >= 0) {
            throw reject(d, "job " + job + " is running on accelerator " + j.runningOn + "; only waiting jobs can be dropped");
        }
        sim.dropByPolicy(j);
    }

    @Override
    public void selectVariant(int job, int variant) {
        String d = "selectVariant(job " + job + ", variant " + variant + ")";
        checkOpen(d);
        Job j = job(d, job);
        if (j.ended || j.runningOn >= 0) {
            throw reject(d, "job " + job + " is not waiting");
        }
        if (j.nextLayer > 0) {
            throw reject(d, "variant change after the first layer (job is at layer " + j.nextLayer + ")");
        }
        int variants = sim.costs.model(j.model).variantCount();
        if (variant < 0 || variant >= variants) {
            throw reject(d, "unknown variant " + variant + " (model " + sim.costs.model(j.model).id() + " has "
                    + variants + ")");
        }
        sim.selectVariant(j, variant);
    }

    @Override
    public void restart(int job) {
        String d = "restart(job " + job + ")";
        checkOpen(d);
        Job j = job(d, job);
        if (j.ended || j.runningOn >= 0) {
            throw reject(d, "job " + job + " is not waiting");
        }
        sim.restart(j);
    }

    @Override
    public void wakeAt(long timeNs) {
        String d = "wakeAt(" + timeNs + ")";
        checkOpen(d);
        if (timeNs <= sim.nowNs()) {
            throw reject(d, "wake-up time is not in the future (now " + sim.nowNs() + " ns)");
        }
        sim.wake(timeNs);
    }
}
