package org.rtmmlab.api.workload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * A neural network: an ordered list of layers, plus optional cheaper {@linkplain Variant variants}.
 * Variant index 0 always denotes the full model ({@link #layers()}, accuracy 1); index {@code i >= 1} denotes
 * {@code variants().get(i - 1)}.
 *
 * @param id       model id, e.g. {@code ES_RITNet}
 * @param task     what the model does, e.g. {@code Eye segmentation}; may be empty
 * @param layers   the full model's layers in execution order, non-empty, unique names
 * @param variants cheaper variants (may be empty), unique ids
 */
public record Model(String id, String task, List<Layer> layers, List<Variant> variants) {

    /** Validates ids, layer names and variant ids. */
    public Model {
        Checks.id(id, "id");
        task = task == null ? "" : task;
        layers = Checks.list(layers, "layers");
        if (layers.isEmpty()) {
            throw new InvalidInputException("", "layers", "model " + id + " has no layers");
        }
        variants = variants == null ? List.of() : Checks.list(variants, "variants");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            if (!names.add(layers.get(i).name())) {
                throw new InvalidInputException("", "layers[" + i + "].name",
                        "duplicate layer name '" + layers.get(i).name() + "' in model " + id);
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            if (!ids.add(variants.get(i).id()) || "full".equals(variants.get(i).id())) {
                throw new InvalidInputException("", "variants[" + i + "].id",
                        "duplicate or reserved variant id '" + variants.get(i).id() + "' in model " + id);
            }
        }
    }

    /** A model without variants. */
    public static Model of(String id, String task, List<Layer> layers) {
        return new Model(id, task, layers, List.of());
    }

    /** @return number of variants including the full model (at least 1) */
    public int variantCount() {
        return 1 + variants.size();
    }

    /** @return the layers of variant {@code v} (0 = full model) */
    public List<Layer> layersOf(int v) {
        return v == 0 ? layers : variants.get(v - 1).layers();
    }

    /** @return relative accuracy of variant {@code v} (1 for the full model) */
    public double accuracyOf(int v) {
        return v == 0 ? 1.0 : variants.get(v - 1).relativeAccuracy();
    }

    /** @return id of variant {@code v}: {@code full} for 0 */
    public String variantId(int v) {
        return v == 0 ? "full" : variants.get(v - 1).id();
    }

    /** @return total MACs of one inference of the full model */
    public long macs() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.macs();
        }
        return sum;
    }
}
