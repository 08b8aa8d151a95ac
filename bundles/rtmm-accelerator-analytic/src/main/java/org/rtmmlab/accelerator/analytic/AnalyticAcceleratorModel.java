package org.rtmmlab.accelerator.analytic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;

/**
 * Accelerator model {@code analytic}: prices a layer on any weight-, output- or row-stationary PE array from the
 * layer's dims (N, K, C, Y, X, R, S, stride) and the accelerator's {@code peCount}, {@code nocBandwidth}
 * (elements/cycle), {@code offchipBandwidth} (bytes/cycle), {@code l2Bytes}, {@code clockHz} and attribute
 * {@code elementBytes} (default 1). Written from the dataflow definitions (the MAESTRO directives of XRBench's
 * dataflow files, {@code data/xrbench/README.md}); nothing is fitted to MAESTRO's tables.
 *
 * <p><b>Rule.</b> The dataflow's mapping ({@link WeightStationary}, {@link OutputStationary},
 * {@link RowStationary}) fixes which dims are spread over the PE array (with the directives' cluster sizes) and
 * which are iterated in time; it yields the steps, the MAC cycles per step, the NoC traffic and the L1 accesses.
 * Latency (cycles) = max(compute cycles, NoC elements / NoC bandwidth, DRAM bytes / off-chip bandwidth): compute
 * and data movement overlap (double buffering), the slowest bounds the layer. Latency (ns) = ceil(cycles x 1e9 /
 * clockHz). Energy (pJ) = MACs x 2.88 + L1 accesses x 0.55 x 2.88 + L2 accesses x 6.0 x 2.88 + DRAM elements x
 * 200 x 2.88 ({@link EnergyConstants}: the first three from XRBench's {@code cost_model_constants}, DRAM from
 * Eyeriss, ISCA 2016).
 *
 * <p><b>Assumptions (guessed, not from the data).</b> One MAC per PE per cycle; no sparsity; partial sums are
 * kept at full precision in L1 without extra cost; every element crossing the NoC is one L2 access; multicast
 * costs one NoC transfer; NoC hop latency and pipeline fill are ignored; stride is honoured through the output
 * size only (the input window of a step assumes stride 1); depthwise layers are K single-channel filters;
 * DRAM traffic is compulsory when weights, inputs and outputs fit in L2, else every NoC element also crosses
 * DRAM; no idle power (platform's {@code idlePowerW}) and no switch cost. Spatial shares use the API default
 * (latency / share). Deterministic and stateless, hence thread-safe.
 */
@Component(service = AcceleratorModel.class)
@ServiceProvider(value = AcceleratorModel.class, resolution = Resolution.OPTIONAL)
public final class AnalyticAcceleratorModel implements AcceleratorModel {

    /** Plugin id, also the {@link Accelerator#costModel()} this model prices. */
    public static final String ID = "analytic";

    /** Creates the model. */
    public AnalyticAcceleratorModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Analytic WS/OS/RS dataflow model: latency and energy from layer dims, PEs, NoC/DRAM bandwidth, clock";
    }

    @Override
    public boolean supports(Accelerator accelerator) {
        return ID.equals(accelerator.costModel()) && accelerator.dataflow() != Dataflow.NONE;
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
        if (!ID.equals(accelerator.costModel())) {
            throw new InvalidInputException(ID, accelerator.id(),
                    "accelerator uses cost model '" + accelerator.costModel() + "', not '" + ID + "'");
        }
        if (variant < 0 || variant >= model.variantCount()) {
            throw new InvalidInputException(ID, model.id(),
                    "variant " + variant + " out of range [0, " + model.variantCount() + ")");
        }
        List<Layer> layers = model.layersOf(variant);
        if (layer < 0 || layer >= layers.size()) {
            throw new InvalidInputException(ID, model.id(),
                    "layer " + layer + " out of range [0, " + layers.size() + ")");
        }
        return cost(estimate(layers.get(layer), accelerator), accelerator);
    }

    /**
     * @return the breakdown (cycles, accesses, utilisation) of {@code layer} on {@code accelerator}
     * @throws InvalidInputException if the accelerator has no PE-array dataflow or a bad {@code elementBytes}
     */
    public LayerEstimate estimate(Layer layer, Accelerator accelerator) {
        return AnalyticEstimator.estimate(layer, accelerator);
    }

    private static LayerCost cost(LayerEstimate e, Accelerator a) {
        long ns = (long) Math.ceil(e.latencyCycles() * (1e9 / a.clockHz()));
        return new LayerCost(Math.max(1L, ns), e.energyPj());
    }
}
