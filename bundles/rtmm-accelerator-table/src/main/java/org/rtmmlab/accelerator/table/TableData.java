package org.rtmmlab.accelerator.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.json.JsonNode;

/**
 * The bundled XRBench cost data: {@code costs.json} (per-layer [cycles, nJ] of 19 sub-accelerators),
 * {@code models.json} (the layer shapes the tables are in order of) and {@code hardware.json} (the Figure-5
 * settings). Immutable; {@link #shared()} parses the resources once per class loader (thread-safe).
 */
final class TableData {

    /** Per-layer cost tables, next to this class. */
    static final String COSTS = "costs.json";
    /** Layer lists the cost tables follow, next to this class. */
    static final String MODELS = "models.json";
    /** Hardware configs and Figure-5 styles, next to this class. */
    static final String HARDWARE = "hardware.json";

    private static final Object LOCK = new Object();
    private static volatile TableData shared;

    private final Map<String, CostTable> tables;
    private final List<Platform> platforms;

    private TableData(Map<String, CostTable> tables, List<Platform> platforms) {
        this.tables = Collections.unmodifiableMap(tables);
        this.platforms = List.copyOf(platforms);
    }

    /** @return the data of the bundled resources, parsed on first use */
    static TableData shared() {
        TableData d = shared;
        if (d == null) {
            synchronized (LOCK) {
                d = shared;
                if (d == null) {
                    d = of(JsonNode.resource(TableData.class, MODELS), JsonNode.resource(TableData.class, COSTS),
                            JsonNode.resource(TableData.class, HARDWARE));
                    shared = d;
                }
            }
        }
        return d;
    }

    /** @return data built from parsed {@code models.json}, {@code costs.json} and {@code hardware.json} */
    static TableData of(JsonNode models, JsonNode costs, JsonNode hardware) {
        Map<String, List<LayerKey>> shapes = shapes(models);
        Map<String, CostTable> tables = tables(costs, shapes);
        return new TableData(tables, XrbenchPlatforms.build(costs, hardware, tables));
    }

    /** @return the cost tables by id, in document order */
    Map<String, CostTable> tables() {
        return tables;
    }

    /** @return the XRBench Figure-5 platforms */
    List<Platform> platforms() {
        return platforms;
    }

    private static Map<String, List<LayerKey>> shapes(JsonNode root) {
        Map<String, List<LayerKey>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> m : root.get("models").entries()) {
            List<LayerKey> keys = new ArrayList<>();
            for (JsonNode l : m.getValue().get("layers").items()) {
                JsonNode type = l.get("type");
                if (!"CONV".equals(type.string())) {
                    throw type.error("the cost tables hold CONV layers only, got '" + type.string() + "'");
                }
                keys.add(new LayerKey(OpType.CONV, 1, dim(l, "N"), dim(l, "K"), dim(l, "C"), dim(l, "Y"),
                        dim(l, "X"), dim(l, "R"), dim(l, "S")));
            }
            out.put(m.getKey(), List.copyOf(keys));
        }
        return out;
    }

    private static int dim(JsonNode layer, String name) {
        JsonNode n = layer.get(name);
        int v = n.intValue();
        if (v <= 0) {
            throw n.error(name + " must be > 0, got " + v);
        }
        return v;
    }

    private static Map<String, CostTable> tables(JsonNode root, Map<String, List<LayerKey>> shapes) {
        JsonNode costs = root.get("costs");
        Map<String, CostTable> out = new LinkedHashMap<>();
        for (JsonNode acc : root.get("accelerators").items()) {
            JsonNode idNode = acc.get("id");
            String id = idNode.string();
            if (out.containsKey(id)) {
                throw idNode.error("duplicate accelerator id '" + id + "'");
            }
            JsonNode pes = acc.get("num_pes");
            if (pes.intValue() <= 0) {
                throw pes.error("num_pes must be > 0");
            }
            List<JsonNode> bw = acc.get("noc_bw").items();
            if (bw.isEmpty() || !(bw.get(0).number() > 0)) {
                throw acc.get("noc_bw").error("needs a positive first (top-level) bandwidth");
            }
            JsonNode df = acc.get("dataflow");
            Dataflow dataflow;
            try {
                dataflow = Dataflow.valueOf(df.string());
            } catch (IllegalArgumentException e) {
                throw df.error("unknown dataflow '" + df.string() + "'");
            }
            JsonNode perModel = costs.get(id);
            Map<String, List<LayerKey>> keys = new LinkedHashMap<>();
            Map<String, List<LayerCost>> layerCosts = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : perModel.entries()) {
                List<LayerKey> modelKeys = shapes.get(m.getKey());
                if (modelKeys == null) {
                    throw m.getValue().error("model '" + m.getKey() + "' is not in " + MODELS);
                }
                keys.put(m.getKey(), modelKeys);
                layerCosts.put(m.getKey(), layerCosts(m.getValue(), modelKeys.size()));
            }
            out.put(id, new CostTable(id, pes.intValue(), bw.get(0).number(), dataflow, keys, layerCosts));
        }
        return out;
    }

    private static List<LayerCost> layerCosts(JsonNode list, int expected) {
        List<JsonNode> pairs = list.items();
        if (pairs.size() != expected) {
            throw list.error(pairs.size() + " cost entries but the model has " + expected + " layers in " + MODELS);
        }
        List<LayerCost> out = new ArrayList<>(pairs.size());
        for (JsonNode pair : pairs) {
            List<JsonNode> v = pair.items();
            if (v.size() != 2) {
                throw pair.error("expected [latency_cycles, energy_nJ]");
            }
            long cycles = v.get(0).integer();
            double nj = v.get(1).number();
            if (cycles < 0 || nj < 0) {
                throw pair.error("latency and energy must be >= 0");
            }
            out.add(new LayerCost(cycles, nj * 1000.0)); // 1 cycle = 1 ns at the implicit 1 GHz; nJ -> pJ
        }
        return List.copyOf(out);
    }
}
