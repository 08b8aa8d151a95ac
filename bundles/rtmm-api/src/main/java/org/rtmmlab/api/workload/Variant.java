package org.rtmmlab.api.workload;

import java.util.List;
import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * A cheaper version of a model: a sub-network of a supernet or a width/depth-scaled copy, with its accuracy
 * relative to the full model. Weight sharing with other variants is expressed by {@link Layer#weightId()}.
 *
 * @param id               variant id, unique within the model (e.g. {@code w0.5})
 * @param relativeAccuracy accuracy of this variant divided by the full model's, in (0, 1]
 * @param layers           the variant's layers in execution order, non-empty
 * @param source           where the accuracy figure comes from (citation), may be empty
 */
public record Variant(String id, double relativeAccuracy, List<Layer> layers, String source) {

    /** Validates the id, accuracy range and layer list. */
    public Variant {
        Checks.id(id, "id");
        if (!(relativeAccuracy > 0 && relativeAccuracy <= 1)) {
            throw new InvalidInputException("", "relativeAccuracy", "must be in (0, 1], got " + relativeAccuracy);
        }
        layers = Checks.list(layers, "layers");
        if (layers.isEmpty()) {
            throw new InvalidInputException("", "layers", "a variant needs at least one layer");
        }
        source = source == null ? "" : source;
    }
}
