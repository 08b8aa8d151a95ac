package org.rtmmlab.accelerator.analytic;

import java.util.List;
import java.util.Locale;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.workload.Layer;

/**
 * Turns a layer and an accelerator into a {@link LayerEstimate}: the accelerator's directive list
 * ({@link DataflowTemplates}) is analysed for the layer's dims ({@link DirectiveAnalysis}) at the accelerator's PEs
 * and NoC bandwidth; the batch multiplies every count. DRAM (not in MAESTRO) is added on top: the compulsory traffic
 * (weights and inputs read once, outputs written once) when the layer's tensors fit in L2, otherwise everything
 * read from L2 also comes from DRAM (no L2 reuse); DRAM cycles = DRAM bytes / {@code offchipBandwidth}, with
 * {@code elementBytes} bytes per element (attribute, default 1). Stateless.
 */
final class AnalyticEstimator {

    /** Accelerator attribute: bytes per data element (default 1, int8 inference). */
    static final String ELEMENT_BYTES = "elementBytes";
    /** Accelerator attribute: {@code maestro} (default) or {@code filter}, see {@link DirectiveAnalysis.HaloRule}. */
    static final String HALO = "haloRule";

    private AnalyticEstimator() {
    }

    /** @return the estimate of {@code layer} on {@code a}; a has a PE-array dataflow or a directive list */
    static LayerEstimate estimate(Layer layer, Accelerator a) {
        List<Directive> directives = DataflowTemplates.of(a);
        DirectiveAnalysis.HaloRule rule = haloRule(a);
        int bytes = elementBytes(a);
        LayerDims d = LayerDims.of(layer);
        DirectiveAnalysis.Result r;
        try {
            r = DirectiveAnalysis.analyse(directives, a.peCount(), a.nocBandwidth(), d.dims(), d.tensors(), rule);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(AnalyticAcceleratorModel.ID, a.id() + ".attributes."
                    + DataflowTemplates.ATTRIBUTE, e.getMessage());
        }
        long n = d.n();
        double compulsory = layer.weightElements() + layer.inputElements() + layer.outputElements();
        boolean fits = compulsory * bytes <= a.l2Bytes();
        double dram = fits ? compulsory : Math.max(compulsory, (double) n * r.l2Reads() + layer.outputElements());
        long compute = Math.max(1L, n * r.computeOnly());
        double util = Math.min(1.0, Math.max(Double.MIN_NORMAL, d.macs() / ((double) compute * a.peCount())));
        return new LayerEstimate(d.macs(), n * r.computations(), compute, n * r.runtime(),
                dram * bytes / a.offchipBandwidth(), (double) n * r.l1(), (double) n * r.l2(), dram, util);
    }

    /** @return the halo rule from attribute {@value #HALO} */
    static DirectiveAnalysis.HaloRule haloRule(Accelerator a) {
        String v = a.attribute(HALO, "maestro").strip().toUpperCase(Locale.ROOT);
        try {
            return DirectiveAnalysis.HaloRule.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(AnalyticAcceleratorModel.ID, a.id() + ".attributes." + HALO,
                    "must be 'maestro' or 'filter', got '" + a.attribute(HALO, "") + "'");
        }
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
