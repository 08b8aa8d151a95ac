package org.rtmmlab.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Variant;

/** Reads the {@code models} entries of a scenario file: references, inline layer lists and variants. */
final class ScenarioModels {

    private static final Set<String> REF_KEYS = Set.of("ref", "variants", "notes");
    private static final Set<String> INLINE_KEYS = Set.of("id", "task", "layers", "variants", "notes");
    private static final Set<String> LAYER_KEYS = Set.of("name", "type", "N", "K", "C", "Y", "X", "R", "S", "stride",
            "weightId");
    private static final Set<String> VARIANT_KEYS = Set.of("id", "relativeAccuracy", "source", "layers", "notes");

    private ScenarioModels() {
    }

    /** @return the model of one {@code models[i]} entry */
    static Model model(JsonNode node, Function<String, Model> resolver) {
        if (node.opt("ref") != null) {
            node.onlyKeys(REF_KEYS);
            ScenarioFiles.notes(node.opt("notes"));
            Model base = resolve(node.get("ref"), resolver);
            JsonNode variants = node.opt("variants");
            if (variants == null) {
                return base;
            }
            List<Variant> replaced = variants(variants);
            try {
                return new Model(base.id(), base.task(), base.layers(), replaced);
            } catch (InvalidInputException e) {
                throw node.relocate(e);
            }
        }
        node.onlyKeys(INLINE_KEYS);
        ScenarioFiles.notes(node.opt("notes"));
        String id = ScenarioFiles.nonEmpty(node.get("id"));
        String task = node.opt("task") == null ? "" : node.get("task").string();
        List<Layer> layers = layers(node.get("layers"));
        List<Variant> variants = node.opt("variants") == null ? List.of() : variants(node.get("variants"));
        try {
            return new Model(id, task, layers, variants);
        } catch (InvalidInputException e) {
            throw node.relocate(e);
        }
    }

    private static Model resolve(JsonNode refNode, Function<String, Model> resolver) {
        String ref = ScenarioFiles.nonEmpty(refNode);
        if (resolver == null) {
            throw refNode.error("model refs need a resolver (run the file through the engine or a scenario"
                    + " provider); use an inline layer list here");
        }
        Model m;
        try {
            m = resolver.apply(ref);
        } catch (InvalidInputException e) {
            throw refNode.error(e.reason());
        }
        if (m == null) {
            throw refNode.error("unknown model ref '" + ref + "'");
        }
        return m;
    }

    private static List<Variant> variants(JsonNode list) {
        List<Variant> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode v : list.items()) {
            v.onlyKeys(VARIANT_KEYS);
            ScenarioFiles.notes(v.opt("notes"));
            JsonNode idNode = v.get("id");
            String id = ScenarioFiles.nonEmpty(idNode);
            if ("full".equals(id) || !ids.add(id)) {
                throw idNode.error("duplicate or reserved variant id '" + id + "' ('full' names the full model)");
            }
            JsonNode accNode = v.get("relativeAccuracy");
            double acc = accNode.number();
            if (!(acc > 0 && acc <= 1)) {
                throw accNode.error("must be in (0, 1], got " + ScenarioFiles.plain(acc));
            }
            String source = v.opt("source") == null ? "" : v.get("source").string();
            List<Layer> layers = layers(v.get("layers"));
            try {
                out.add(new Variant(id, acc, layers, source));
            } catch (InvalidInputException e) {
                throw v.relocate(e);
            }
        }
        return out;
    }

    private static List<Layer> layers(JsonNode list) {
        List<JsonNode> items = list.items();
        if (items.isEmpty()) {
            throw list.error("must list at least one layer");
        }
        List<Layer> out = new ArrayList<>(items.size());
        Set<String> names = new HashSet<>();
        for (JsonNode l : items) {
            Layer layer = layer(l);
            if (!names.add(layer.name())) {
                throw l.get("name").error("duplicate layer name '" + layer.name() + "'");
            }
            out.add(layer);
        }
        return out;
    }

    private static Layer layer(JsonNode l) {
        l.onlyKeys(LAYER_KEYS);
        String name = ScenarioFiles.nonEmpty(l.get("name"));
        OpType type = l.opt("type") == null ? OpType.CONV : type(l.get("type"));
        String weightId = l.opt("weightId") == null ? null : ScenarioFiles.nonEmpty(l.get("weightId"));
        int k = dim(l, "K", 0);
        int c = dim(l, "C", 0);
        if (type == OpType.DWCONV && c != k) {
            throw l.get("C").error("a DWCONV layer needs C == K (one filter per input channel), got K " + k + ", C " + c);
        }
        return new Layer(name, type, dim(l, "N", 1), k, c, dim(l, "Y", 0), dim(l, "X", 0),
                dim(l, "R", 0), dim(l, "S", 0), dim(l, "stride", 1), weightId);
    }

    /** @return member {@code key} as an int &gt; 0; {@code fallback} when absent, or required when 0 */
    private static int dim(JsonNode l, String key, int fallback) {
        JsonNode n = fallback > 0 ? l.opt(key) : l.get(key);
        if (n == null) {
            return fallback;
        }
        int v = n.intValue();
        if (v <= 0) {
            throw n.error("must be > 0, got " + v);
        }
        return v;
    }

    private static OpType type(JsonNode node) {
        String s = node.string();
        List<String> allowed = new ArrayList<>();
        for (OpType t : OpType.values()) {
            allowed.add(t.name());
            if (t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw node.error("unknown layer type '" + s + "'; allowed: " + String.join(", ", allowed).toUpperCase(Locale.ROOT));
    }
}
