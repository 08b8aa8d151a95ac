package org.rtmmlab.testkit;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;

/**
 * Prices single layers through {@link AcceleratorModel#layerCost}: each layer is wrapped in a one-layer model so
 * that a contract can ask about arbitrary shapes. Stateless helper of {@link AcceleratorModelContract}.
 */
public final class CostProbe {

    private final String modelId;

    /** @param modelId id given to the one-layer probe models (table models may key on it) */
    public CostProbe(String modelId) {
        this.modelId = modelId;
    }

    /** @return the cost of {@code layer} alone on the whole of {@code accelerator} */
    public LayerCost cost(AcceleratorModel model, Layer layer, Accelerator accelerator) {
        return model.layerCost(wrap(layer), 0, 0, accelerator);
    }

    /** @return the cost of {@code layer} alone on a {@code share} of {@code accelerator} */
    public LayerCost cost(AcceleratorModel model, Layer layer, Accelerator accelerator, double share) {
        return model.layerCost(wrap(layer), 0, 0, accelerator, share);
    }

    /** @return the costs of every layer on every accelerator, layer-major */
    public List<LayerCost> all(AcceleratorModel model, List<Layer> layers, List<Accelerator> accelerators) {
        List<LayerCost> out = new ArrayList<>(layers.size() * accelerators.size());
        for (Layer l : layers) {
            for (Accelerator a : accelerators) {
                out.add(cost(model, l, a));
            }
        }
        return out;
    }

    private Model wrap(Layer layer) {
        return Model.of(modelId, "contract probe", List.of(layer));
    }
}
