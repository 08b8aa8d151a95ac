package org.rtmmlab.accelerator.analytic;

import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.workload.Layer;

/**
 * Turns a layer and an accelerator into a {@link LayerEstimate}: the dataflow's {@link DataflowMapping} gives
 * steps, NoC traffic and L1 accesses; NoC cycles = NoC elements / {@code nocBandwidth}; DRAM traffic is the
 * compulsory traffic (weights and inputs read once, outputs written once) when the layer's tensors fit in L2,
 * otherwise everything the NoC carries also comes from DRAM (no L2 reuse); DRAM cycles = DRAM bytes /
 * {@code offchipBandwidth}, with {@code elementBytes} bytes per element (attribute, default 1). Stateless.
 */
final class AnalyticEstimator {

    /** Accelerator attribute: bytes per data element (default 1, int8 inference). */
    static final String ELEMENT_BYTES = "elementBytes";

    private static final DataflowMapping WS = new WeightStationary();
    private static final DataflowMapping OS = new OutputStationary();
    private static final DataflowMapping RS = new RowStationary();

    private AnalyticEstimator() {
    }

    /** @return the estimate of {@code layer} on {@code a}; a has a PE-array dataflow */
    static LayerEstimate estimate(Layer layer, Accelerator a) {
        LayerDims d = LayerDims.of(layer);
        Mapping m = mapping(a).map(d, a.peCount());
        int bytes = elementBytes(a);
        double compulsory = d.weights() + d.inputs() + d.outputs();
        boolean fits = compulsory * bytes <= a.l2Bytes();
        double dram = fits ? compulsory : Math.max(compulsory, m.nocElements());
        return new LayerEstimate(d.macs(), m.computeCycles(), m.nocElements() / a.nocBandwidth(),
                dram * bytes / a.offchipBandwidth(), m.l1Accesses(), m.nocElements(), dram,
                (double) m.activePes() / a.peCount());
    }

    /** @return the mapping of the accelerator's dataflow */
    static DataflowMapping mapping(Accelerator a) {
        if (a.dataflow() == Dataflow.WS) {
            return WS;
        }
        if (a.dataflow() == Dataflow.OS) {
            return OS;
        }
        if (a.dataflow() == Dataflow.RS) {
            return RS;
        }
        throw new InvalidInputException(AnalyticAcceleratorModel.ID, a.id() + ".dataflow",
                "the analytic model needs a PE-array dataflow (WS, OS or RS), got " + a.dataflow());
    }

    /** @return bytes per element from attribute {@value #ELEMENT_BYTES}, default 1 */
    static int elementBytes(Accelerator a) {
        String v = a.attribute(ELEMENT_BYTES, "1");
        try {
            int b = Integer.parseInt(v.strip());
            if (b > 0) {
                return b;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(AnalyticAcceleratorModel.ID, a.id() + ".attributes." + ELEMENT_BYTES,
                "must be a positive integer, got '" + v + "'");
    }
}
