package org.rtmmlab.testkit;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;

/**
 * Hand-computable cost model {@code testkit-fixed} used by the {@link SchedulerPolicyContract}'s small scenarios:
 * a layer takes {@code K x nsPerK} nanoseconds and {@code C x pjPerC} picojoules. {@code nsPerK} is read from the
 * accelerator attribute {@code nsPerK.<OPTYPE>} (e.g. {@code nsPerK.FC}), else {@code nsPerK}, else 1 ms, so one
 * accelerator can be fast for convolutions and slow for fully connected layers; {@code pjPerC} defaults to 1 uJ.
 * Switching costs nothing; a share {@code s < 1} of a partitioned accelerator takes {@code 1/s} times as long (the
 * API's default). Ships the contract's platforms ({@link ContractScenarios#platforms()}).
 */
public final class FixedLatencyModel implements AcceleratorModel {

    /** Id of this cost model. */
    public static final String ID = "testkit-fixed";

    /** Default latency per unit of K: 1 ms. */
    public static final long DEFAULT_NS_PER_K = 1_000_000L;

    /** Default energy per unit of C: 1 uJ. */
    public static final double DEFAULT_PJ_PER_C = 1e6;

    /** Creates the (stateless) model. */
    public FixedLatencyModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "testkit cost model: K x nsPerK ns and C x pjPerC pJ per layer";
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
        Layer l = model.layersOf(variant).get(layer);
        return new LayerCost(l.k() * nsPerK(accelerator, l), l.c() * pjPerC(accelerator));
    }

    /** @return the latency per unit of K of layer {@code l}'s operator type on {@code accelerator}, ns */
    public static long nsPerK(Accelerator accelerator, Layer l) {
        String generic = accelerator.attribute("nsPerK", Long.toString(DEFAULT_NS_PER_K));
        return Long.parseLong(accelerator.attribute("nsPerK." + l.type().name(), generic));
    }

    private static double pjPerC(Accelerator accelerator) {
        return Double.parseDouble(accelerator.attribute("pjPerC", Double.toString(DEFAULT_PJ_PER_C)));
    }

    @Override
    public List<Platform> platforms() {
        return ContractScenarios.platforms();
    }
}
