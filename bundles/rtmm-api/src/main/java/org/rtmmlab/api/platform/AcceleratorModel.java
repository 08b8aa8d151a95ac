package org.rtmmlab.api.platform;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.workload.Model;

/**
 * Plugin kind that prices layers on accelerators (a cost model), and may ship ready-made platforms.
 * The engine asks once per (model, variant, layer, accelerator) before a run and caches the answers, so
 * implementations may be slow-ish but must be deterministic and thread-safe.
 */
@ConsumerType
public interface AcceleratorModel extends RtmmPlugin {

    /** @return true if this model can price layers on {@code accelerator} (default: its costModel is my id) */
    default boolean supports(Accelerator accelerator) {
        return id().equals(accelerator.costModel());
    }

    /**
     * Checks, before any layer is priced, that this model can price layers on {@code accelerator}: the fields and
     * attributes it reads are present and valid, and it knows every attribute given (so a misspelt attribute is an
     * error, not a silently ignored setting). The engine calls it for every accelerator of a user's platform file.
     * Default: {@link #supports}.
     *
     * @param accelerator an accelerator whose {@code costModel} is this model's id
     * @throws org.rtmmlab.api.InvalidInputException with a path relative to the accelerator (e.g.
     *         {@code attributes.elementBytes}, {@code dataflow}; empty for the accelerator as a whole) and the reason
     * @since 1.1
     */
    default void check(Accelerator accelerator) {
        if (!supports(accelerator)) {
            throw new org.rtmmlab.api.InvalidInputException("", "", "cost model '" + id()
                    + "' does not support accelerator '" + accelerator.id() + "'");
        }
    }

    /**
     * Whether {@code accelerator} can run this layer at all (e.g. a GPU cannot run a CPU pre-processing stage, an NPU
     * may lack an operator). The engine asks before {@link #layerCost} and never prices, nor lets a scheduler
     * dispatch, an unsupported layer there ({@link org.rtmmlab.api.scheduler.CostView#supported}); a model layer
     * that no accelerator of the platform supports is an input error. Default: every layer except
     * {@link org.rtmmlab.api.workload.OpType#HOST} stages, which only {@link AcceleratorKind#CPU} accelerators run,
     * so every cost model written before 1.2 keeps its behaviour on the layer types it knew.
     *
     * @param model       the model
     * @param variant     variant index (0 = full model)
     * @param layer       layer index within the variant
     * @param accelerator an accelerator this model {@linkplain #supports supports}
     * @return true if the layer can run on {@code accelerator}
     * @since 1.2
     */
    default boolean supportsLayer(Model model, int variant, int layer, Accelerator accelerator) {
        boolean host = model.layersOf(variant).get(layer).type() == org.rtmmlab.api.workload.OpType.HOST;
        return !host || accelerator.kind() == AcceleratorKind.CPU;
    }

    /**
     * Cost of one layer on a whole accelerator.
     *
     * @param model       the model
     * @param variant     variant index (0 = full model, see {@link Model#layersOf(int)})
     * @param layer       layer index within the variant
     * @param accelerator an accelerator this model {@linkplain #supports supports}
     * @return latency (ns) and dynamic energy (pJ)
     * @throws org.rtmmlab.api.InvalidInputException if the layer cannot be priced (e.g. missing table entry)
     */
    LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator);

    /**
     * Cost of one layer on a spatial share of an accelerator (Planaria-style fission, GPU stream packing).
     * Default: latency scales with 1/share (rounded up), energy unchanged.
     *
     * @param share fraction of the accelerator, in (0, 1]
     */
    default LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator, double share) {
        LayerCost whole = layerCost(model, variant, layer, accelerator);
        if (share >= 1.0) {
            return whole;
        }
        return new LayerCost((long) Math.ceil(whole.latencyNs() / share), whole.energyPj());
    }

    /**
     * Cost paid when a job's next layer runs on a different accelerator than its previous layer (moving
     * activations, preemption state). Default: free, as in XRBench.
     *
     * @param nextLayer index of the layer about to run
     * @param from      accelerator the previous layer ran on
     * @param to        accelerator the next layer runs on
     */
    default LayerCost switchCost(Model model, int variant, int nextLayer, Accelerator from, Accelerator to) {
        return LayerCost.ZERO;
    }

    /** @return ready-made platforms whose accelerators this model prices (e.g. the 26 XRBench settings) */
    default List<Platform> platforms() {
        return List.of();
    }
}
