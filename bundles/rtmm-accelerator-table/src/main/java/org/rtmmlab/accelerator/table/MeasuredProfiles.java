package org.rtmmlab.accelerator.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.json.JsonNode;

/**
 * Measured per-layer tables of a real device, read from a profile such as {@code measured/h100.json} (format and
 * provenance in {@code measured/README.md}): for each precision {@code fp16}/{@code fp32} one {@link CostTable}
 * {@code measured/<device>-<precision>} whose layers follow {@code models.json} (same model and layer names).
 *
 * <p>Latency of a layer = {@code <dt>_us_graph} x 1000 ns: the layer replayed back-to-back in a CUDA graph, i.e.
 * GPU execution without the ~2.8 us CUDA-event overhead that {@code <dt>_us} includes; the simulator dispatches
 * layers back-to-back, so the graph time is the matching figure. Energy of a layer = the model's dynamic energy
 * per inference ({@code energy_<dt>_dynamic_mj_per_inference} = (mean power - idle power) x time) split over its
 * layers in proportion to their graph time. The dynamic figure is used because the engine adds idle power
 * ({@code idlePowerW} of the platform) x idle time itself: the whole-board figure would count idle power twice.
 */
final class MeasuredProfiles {

    /** Precisions read from a profile. */
    static final List<String> PRECISIONS = List.of("fp16", "fp32");

    private MeasuredProfiles() {
    }

    /**
     * @param device profile name, e.g. {@code h100}; table ids are {@code measured/<device>-<precision>}
     * @param root   the parsed profile
     * @param shapes per model the layer shapes of {@code models.json}
     * @return the tables by id, fp16 first
     */
    static Map<String, CostTable> tables(String device, JsonNode root, Map<String, List<LayerKey>> shapes) {
        Map<String, CostTable> out = new LinkedHashMap<>();
        for (String dt : PRECISIONS) {
            String id = "measured/" + device + "-" + dt;
            Map<String, List<LayerKey>> keys = new LinkedHashMap<>();
            Map<String, List<LayerCost>> costs = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : root.get("models").entries()) {
                List<LayerKey> modelKeys = shapes.get(m.getKey());
                if (modelKeys == null) {
                    throw m.getValue().error("model '" + m.getKey() + "' is not in " + TableData.MODELS);
                }
                keys.put(m.getKey(), modelKeys);
                costs.put(m.getKey(), modelCosts(m.getValue(), dt, modelKeys.size()));
            }
            out.put(id, new CostTable(id, 1, 1, Dataflow.NONE, keys, costs, false));
        }
        return out;
    }

    /** @return total graph time of a model's layers in us (the file's {@code sum_layers_<dt>_graph_us}) */
    static double graphSumUs(JsonNode model, String dt) {
        return positive(model.get("sum_layers_" + dt + "_graph_us"));
    }

    private static List<LayerCost> modelCosts(JsonNode model, String dt, int expected) {
        List<JsonNode> layers = model.get("layers").items();
        if (layers.size() != expected) {
            throw model.get("layers").error(layers.size() + " layers but " + TableData.MODELS + " has " + expected);
        }
        double sumUs = 0;
        double[] us = new double[layers.size()];
        for (int i = 0; i < us.length; i++) {
            us[i] = positive(layers.get(i).get(dt + "_us_graph"));
            sumUs += us[i];
        }
        double dynamicMj = positive(model.get("energy_" + dt + "_dynamic_mj_per_inference"));
        List<LayerCost> out = new ArrayList<>(us.length);
        for (double t : us) {
            // us -> ns; mJ -> pJ (1 mJ = 1e9 pJ), split in proportion to layer time
            out.add(new LayerCost(Math.round(t * 1000.0), dynamicMj * 1e9 * t / sumUs));
        }
        return List.copyOf(out);
    }

    private static double positive(JsonNode n) {
        double v = n.number();
        if (!(v > 0)) {
            throw n.error("must be > 0, got " + v);
        }
        return v;
    }
}
