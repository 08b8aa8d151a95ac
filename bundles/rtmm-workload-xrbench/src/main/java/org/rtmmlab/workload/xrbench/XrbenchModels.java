package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.json.JsonNode;

/**
 * Reads {@code models.json}: {@code $.models.<name> = {name, task, num_layers, layers: [{name, type, N, K, C, Y, X,
 * R, S}]}}. Layers are stride 1 (no stride appears in the XRBench files; MAESTRO's default). The declared
 * {@code num_layers} must match the layer list.
 */
final class XrbenchModels {

    private XrbenchModels() {
    }

    /** @return the models by name, in document order */
    static Map<String, Model> parse(JsonNode root) {
        Map<String, Model> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("models").entries()) {
            models.put(e.getKey(), model(e.getKey(), e.getValue()));
        }
        if (models.isEmpty()) {
            throw root.get("models").error("no models");
        }
        return Collections.unmodifiableMap(models);
    }

    private static Model model(String name, JsonNode node) {
        JsonNode declaredName = node.opt("name");
        if (declaredName != null && !declaredName.string().equals(name)) {
            throw declaredName.error("name '" + declaredName.string() + "' differs from its key '" + name + "'");
        }
        JsonNode taskNode = node.opt("task");
        String task = taskNode == null || taskNode.isNull() ? "" : taskNode.string();
        List<Layer> layers = new ArrayList<>();
        for (JsonNode l : node.get("layers").items()) {
            layers.add(layer(l));
        }
        JsonNode declaredCount = node.opt("num_layers");
        if (declaredCount != null && declaredCount.intValue() != layers.size()) {
            throw declaredCount.error("num_layers " + declaredCount.intValue() + " but " + layers.size() + " layers listed");
        }
        try {
            return Model.of(name, task, layers);
        } catch (InvalidInputException e) {
            throw node.relocate(e);
        }
    }

    private static Layer layer(JsonNode l) {
        JsonNode typeNode = l.get("type");
        OpType type;
        try {
            type = OpType.valueOf(typeNode.string());
        } catch (IllegalArgumentException e) {
            throw typeNode.error("unknown layer type '" + typeNode.string() + "'");
        }
        if (type == OpType.DWCONV && l.get("C").intValue() != l.get("K").intValue()) {
            throw l.get("C").error("a DWCONV layer needs C == K (one filter per input channel), got K "
                    + l.get("K").intValue() + ", C " + l.get("C").intValue());
        }
        try {
            return new Layer(l.get("name").string(), type, l.get("N").intValue(), l.get("K").intValue(),
                    l.get("C").intValue(), l.get("Y").intValue(), l.get("X").intValue(), l.get("R").intValue(),
                    l.get("S").intValue(), 1, null);
        } catch (InvalidInputException e) {
            if (!e.source().isEmpty()) {
                throw e;
            }
            throw l.relocate(e);
        }
    }
}
