package org.rtmmlab.cli;

import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.workload.Model;

/**
 * A plugin-jar cost model {@code test-bad-cost} that prices every layer with a NaN energy, or a negative latency on
 * an accelerator whose id starts with {@code neg} (packed into a jar by {@link CostFaultTest}).
 */
public final class BadCostModel implements AcceleratorModel {

    /** For ServiceLoader. */
    public BadCostModel() {
    }

    @Override
    public String id() {
        return "test-bad-cost";
    }

    @Override
    public String description() {
        return "returns NaN energies or negative latencies";
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator acc) {
        return acc.id().startsWith("neg") ? new LayerCost(-5, 1.0) : new LayerCost(1_000, Double.NaN);
    }
}
