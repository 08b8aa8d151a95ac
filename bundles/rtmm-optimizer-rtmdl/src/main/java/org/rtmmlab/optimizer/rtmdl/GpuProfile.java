package org.rtmmlab.optimizer.rtmdl;

import java.util.List;
import java.util.function.Function;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.platform.StreamSharing;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;

/**
 * RT-mDL's offline profile of each task's GPU spatial utilisation (the {@code util} of the packing rule: the fraction
 * of the GPU a task's kernels keep busy), per task and variant, from the platform's cost model instead of a guess.
 *
 * <p>Per layer, the utilisation the cost model prices co-running with ({@link StreamSharing}: the measured throughput
 * over the table's best for {@code table}, e.g. {@code measured/h100}'s per-layer H100 times; the PE utilisation for
 * {@code analytic}) is read back by inverting {@link StreamSharing#coRunLatencyNs}: at a share {@code s} below every
 * layer's utilisation, {@code latency(s) = alone x u / s x (1 + interference)}, so
 * {@code u = s x latency(s) / (alone x (1 + interference))}. A task's utilisation is the time-weighted mean over its
 * GPU layers ({@code HOST} stages excluded): the fraction of the GPU busy while its GPU sub-task runs. A cost model
 * that does not follow {@link StreamSharing} for shares below 1 gives no meaningful figure here (the lab's GPU cost
 * models do).
 *
 * @param accelerator the GPU profiled (the platform's first GPU-kind accelerator)
 * @param util        per task (scenario order) and variant, utilisation in (0, 1]
 */
public record GpuProfile(String accelerator, double[][] util) {

    /** Share at which layers are priced: below any utilisation that matters for packing (1%). */
    static final double PROBE_SHARE = 0.01;

    /**
     * @param scenario   the tasks
     * @param platform   the platform; its first GPU-kind accelerator is profiled
     * @param costModels cost model by id
     * @return the profile
     * @throws InvalidInputException naming the platform if it has no GPU
     */
    public static GpuProfile of(Scenario scenario, Platform platform, Function<String, AcceleratorModel> costModels) {
        Accelerator gpu = platform.accelerators().stream().filter(a -> a.kind() == AcceleratorKind.GPU).findFirst()
                .orElseThrow(() -> new InvalidInputException("--platform", platform.id(), "no GPU-kind accelerator to"
                        + " profile the tasks' GPU utilisation on"));
        AcceleratorModel cm = costModels.apply(gpu.costModel());
        double stretch = 1 + StreamSharing.interference(gpu);
        double[][] util = new double[scenario.tasks().size()][];
        for (int i = 0; i < util.length; i++) {
            Model m = scenario.model(scenario.tasks().get(i).model());
            util[i] = new double[m.variantCount()];
            for (int v = 0; v < m.variantCount(); v++) {
                util[i][v] = utilisation(cm, m, v, gpu, stretch);
            }
        }
        return new GpuProfile(gpu.id(), util);
    }

    private static double utilisation(AcceleratorModel cm, Model m, int v, Accelerator gpu, double stretch) {
        List<Layer> layers = m.layersOf(v);
        double alone = 0;
        double busy = 0;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).type() == OpType.HOST || !cm.supportsLayer(m, v, l, gpu)) {
                continue;
            }
            long t = cm.layerCost(m, v, l, gpu).latencyNs();
            long shared = cm.layerCost(m, v, l, gpu, PROBE_SHARE).latencyNs();
            alone += t;
            busy += Math.min(t, PROBE_SHARE * shared / stretch); // u x t, u clamped to 1
        }
        return alone > 0 ? Math.max(PROBE_SHARE, busy / alone) : PROBE_SHARE;
    }

    /** @return task {@code i}'s utilisation running variant {@code v}, rounded to 4 decimals (as written) */
    public double of(int i, int v) {
        return Math.round(util[i][v] * 1e4) / 1e4;
    }
}
