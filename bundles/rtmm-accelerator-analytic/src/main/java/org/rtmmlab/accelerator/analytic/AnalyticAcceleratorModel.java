package org.rtmmlab.accelerator.analytic;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.StreamSharing;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;

/**
 * Accelerator model {@code analytic}: prices a layer on a PE array from the layer's dims (N, K, C, Y, X, R, S,
 * stride) and the accelerator's {@code peCount}, {@code dataflow}, {@code nocBandwidth} (elements/cycle),
 * {@code offchipBandwidth} (bytes/cycle), {@code l2Bytes}, {@code clockHz} and attributes {@code elementBytes}
 * (default 1), {@code directives} (a custom MAESTRO directive list) and {@code haloRule} ({@code maestro}, default,
 * or {@code filter}).
 *
 * <p><b>Rule.</b> The dataflow's MAESTRO directive list (XRBench's WS/OS/RS dataflow files, {@link
 * DataflowTemplates}) is evaluated for the layer by MAESTRO's data-centric cluster and cost analysis (Kwon et al.,
 * MICRO 2019, section 4; {@link DirectiveAnalysis}): per cluster level, the iteration cases of the directives
 * (init, steady, edge tiles), per case the partial outputs, the ingress data not reused from the previous iteration,
 * the egress outputs and delay = max(ingress / NoC bandwidth, inner level's runtime, egress / NoC bandwidth); the
 * top level's runtime is the on-chip latency, its case counts give the computations and L1/L2 accesses. Latency
 * (cycles) = max(on-chip runtime, DRAM bytes / off-chip bandwidth); latency (ns) = ceil(cycles x 1e9 / clockHz).
 * Energy (pJ) = computations x 2.88 + L1 accesses x 0.55 x 2.88 + L2 accesses x 6.0 x 2.88 + DRAM elements x 200 x
 * 2.88 ({@link EnergyConstants}). With the default halo rule this reproduces XRBench's MAESTRO tables exactly
 * ({@link MaestroValidation}); nothing is fitted to them.
 *
 * <p><b>Assumptions (not from MAESTRO).</b> DRAM traffic (compulsory when the layer fits in L2, else every L2 read
 * also from DRAM) and the Eyeriss DRAM energy; batch N multiplies every count; stride s is priced as the stride-1
 * layer with the same output size; arrays smaller than one top-level unit shrink the cluster sizes; no idle power
 * (platform's {@code idlePowerW}) and no switch cost. Spatial shares use the API default (latency / share).
 * Deterministic, hence thread-safe.
 *
 * <p><b>Once per shape.</b> A layer's price depends only on its shape (type, dims, stride) and the accelerator's spec
 * (every field but its id), so {@link #layerCost} analyses each (shape, spec) once per model instance, that is once
 * per process on the command line, whatever the model, platform or accelerator id (issue 15): XRBench's 1,439 layers
 * have 328 shapes. At most {@value #MAX_ESTIMATES} analyses are kept; beyond, layers are analysed afresh. A layer
 * that fails is not kept (its message names the accelerator).
 */
@Component(service = AcceleratorModel.class)
@ServiceProvider(value = AcceleratorModel.class, resolution = Resolution.OPTIONAL)
public final class AnalyticAcceleratorModel implements AcceleratorModel {

    /** Plugin id, also the {@link Accelerator#costModel()} this model prices. */
    public static final String ID = "analytic";

    /** How many (shape, spec) analyses {@link #layerCost} keeps. */
    static final int MAX_ESTIMATES = 1 << 16;

    private final java.util.Map<ShapeOnSpec, LayerEstimate> estimates = new java.util.concurrent.ConcurrentHashMap<>();

    /** Creates the model. */
    public AnalyticAcceleratorModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MAESTRO-style directive analysis of WS/OS/RS PE arrays: latency and energy from layer dims, PEs, NoC/DRAM bandwidth, clock";
    }

    @Override
    public boolean supports(Accelerator accelerator) {
        return ID.equals(accelerator.costModel()) && (DataflowTemplates.template(accelerator.dataflow()) != null
                || accelerator.attribute(DataflowTemplates.ATTRIBUTE, null) != null);
    }

    /** Attributes this model reads; any other attribute of an analytic accelerator is an error. */
    static final java.util.Set<String> ATTRIBUTES = java.util.Set.of(AnalyticEstimator.ELEMENT_BYTES,
            AnalyticEstimator.HALO, DataflowTemplates.ATTRIBUTE, StreamSharing.INTERFERENCE_ATTRIBUTE);

    /**
     * Validates the dataflow or directive list, the attributes (known keys, valid values) and the global buffer
     * size, so a platform file's mistakes surface before a run with their path, not at the first priced layer.
     */
    @Override
    public void check(Accelerator accelerator) {
        if (!ID.equals(accelerator.costModel())) {
            throw new InvalidInputException("", "costModel", "is '" + accelerator.costModel() + "', not '" + ID + "'");
        }
        for (String key : accelerator.attributes().keySet()) {
            if (!ATTRIBUTES.contains(key)) {
                throw new InvalidInputException("", "attributes." + key, "unknown attribute of cost model " + ID
                        + "; allowed: " + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES)));
            }
        }
        String prefix = accelerator.id() + ".";
        try {
            DataflowTemplates.of(accelerator);
            AnalyticEstimator.haloRule(accelerator);
            AnalyticEstimator.elementBytes(accelerator);
            StreamSharing.interference(accelerator);
        } catch (InvalidInputException e) { // their paths start with the accelerator id
            throw new InvalidInputException("", e.path().startsWith(prefix) ? e.path().substring(prefix.length())
                    : e.path(), e.reason());
        }
        if (accelerator.l2Bytes() <= 0) {
            throw new InvalidInputException("", "l2Bytes", "the analytic model needs the global buffer size in bytes"
                    + " (> 0): it decides which layers fit on chip and which stream from DRAM");
        }
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
        Layer l = layers.get(layer);
        double macs = (double) l.n() * l.k() * l.c() * l.r() * l.s() * l.outY() * l.outX();
        if (!(macs < 1e18)) { // the estimator counts in long: refuse before its counters overflow (issue 17)
            throw new InvalidInputException(accelerator.id(), "", "layer " + l.name() + " too large for the analytic "
                    + "model: " + macs + " MACs (at most 1e18; check the layer's dimensions)");
        }
        return cost(estimateOnce(l, accelerator), accelerator);
    }

    /** @return {@link #estimate} of the layer's shape on the accelerator's spec, analysed on first use */
    private LayerEstimate estimateOnce(Layer layer, Accelerator accelerator) {
        ShapeOnSpec key = ShapeOnSpec.of(layer, accelerator);
        LayerEstimate e = estimates.get(key);
        if (e != null) {
            return e;
        }
        if (estimates.size() >= MAX_ESTIMATES) {
            return estimate(layer, accelerator);
        }
        return estimates.computeIfAbsent(key, k -> estimate(layer, accelerator));
    }

    /** @return how many (shape, spec) analyses are kept (for tests) */
    int analysedShapes() {
        return estimates.size();
    }

    /** What a layer's analysis depends on: its shape and the accelerator without its id. */
    private record ShapeOnSpec(OpType type, int n, int k, int c, int y, int x, int r, int s, int stride,
                               Accelerator spec) {
        static ShapeOnSpec of(Layer l, Accelerator a) {
            return new ShapeOnSpec(l.type(), l.n(), l.k(), l.c(), l.y(), l.x(), l.r(), l.s(), l.stride(),
                    new Accelerator("spec", a.kind(), a.costModel(), a.peCount(), a.dataflow(), a.clockHz(),
                            a.nocBandwidth(), a.offchipBandwidth(), a.l1Bytes(), a.l2Bytes(), a.idlePowerW(),
                            a.partitions(), a.attributes()));
        }
    }

    /**
     * On a {@code GPU}-kind accelerator a share below 1 is one of two co-running streams (issue 13, RT-mDL's GPU
     * packing): the layer's time follows {@link StreamSharing} with the estimate's PE utilisation as its spatial
     * utilisation and the accelerator's {@link StreamSharing#interference} (default 0.2, a guess). Other kinds keep
     * the API default.
     */
    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator, double share) {
        if (share >= 1.0 || accelerator.kind() != AcceleratorKind.GPU) {
            return AcceleratorModel.super.layerCost(model, variant, layer, accelerator, share);
        }
        LayerCost whole = layerCost(model, variant, layer, accelerator);
        double u = estimateOnce(model.layersOf(variant).get(layer), accelerator).utilisation();
        return new LayerCost(StreamSharing.coRunLatencyNs(whole.latencyNs(), u, share,
                StreamSharing.interference(accelerator)), whole.energyPj());
    }

    /**
     * @return the breakdown (cycles, accesses, utilisation) of {@code layer} on {@code accelerator}
     * @throws InvalidInputException if the accelerator has no PE-array dataflow nor directives, or a bad attribute
     */
    public LayerEstimate estimate(Layer layer, Accelerator accelerator) {
        return AnalyticEstimator.estimate(layer, accelerator);
    }

    private static LayerCost cost(LayerEstimate e, Accelerator a) {
        double exact = Math.ceil(e.latencyCycles() * (1e9 / a.clockHz()));
        if (e.macs() < 0 || e.computeCycles() < 0 || e.computations() < 0) { // long counters overflowed
            throw new InvalidInputException(a.id(), "", "layer too large for the analytic model: its MAC count "
                    + "overflows 2^63 (check the layer's dimensions)");
        }
        if (!(exact < Long.MAX_VALUE) || e.onChipCycles() < 0) { // a cast would saturate silently
            // name the field that makes the layer this slow: off-chip transfers, on-chip (NoC) traffic, or the clock
            double onChip = e.onChipCycles() < 0 ? Double.POSITIVE_INFINITY : e.onChipCycles();
            String field = e.dramCycles() >= onChip ? "offchipBandwidth"
                    : onChip > 4.0 * Math.max(1, e.computeCycles()) ? "nocBandwidth" : "clockMHz";
            throw new InvalidInputException(a.id(), field, "layer latency of " + (e.onChipCycles() < 0
                    ? "over 2^63" : Math.max(e.onChipCycles(), Math.ceil(e.dramCycles()))) + " cycles at "
                    + a.clockHz() / 1e6 + " MHz exceeds 2^63 ns (292 years); check " + field);
        }
        if (!(e.energyPj() >= 0) || Double.isInfinite(e.energyPj())) { // integer overflow in huge layers
            throw new InvalidInputException(a.id(), "", "layer too large for the analytic model: its energy is "
                    + e.energyPj() + " pJ (dimensions overflow its counters)");
        }
        long ns = (long) exact;
        return new LayerCost(Math.max(1L, ns), e.energyPj());
    }
}
