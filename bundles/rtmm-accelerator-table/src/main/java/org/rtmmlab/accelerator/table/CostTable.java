package org.rtmmlab.accelerator.table;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;

/**
 * The per-layer costs of one sub-accelerator (one entry of {@code costs.json accelerators[]}): for every table
 * model its layers' shapes and costs, plus an index by layer shape built once, used for models or variants the
 * table does not list. Immutable.
 */
final class CostTable {

    private final String id;
    private final int numPes;
    private final double nocBandwidth;
    private final Dataflow dataflow;
    private final Map<String, List<LayerKey>> keys;
    private final Map<String, List<LayerCost>> costs;
    private final Map<LayerKey, LayerCost> byShape;
    private final int layerCount;
    private final boolean cycles;

    /**
     * @param keys  per model, the layer shapes in order (from {@code models.json})
     * @param costs per model, the layer costs in the same order; same key set and sizes as {@code keys}
     */
    CostTable(String id, int numPes, double nocBandwidth, Dataflow dataflow, Map<String, List<LayerKey>> keys,
              Map<String, List<LayerCost>> costs) {
        this(id, numPes, nocBandwidth, dataflow, keys, costs, true);
    }

    /**
     * @param cycles true if latencies are clock cycles stored as ns at 1 GHz (MAESTRO tables, scaled by the
     *               accelerator's clock), false if they are measured wall-clock ns (never scaled)
     */
    CostTable(String id, int numPes, double nocBandwidth, Dataflow dataflow, Map<String, List<LayerKey>> keys,
              Map<String, List<LayerCost>> costs, boolean cycles) {
        this.cycles = cycles;
        this.id = id;
        this.numPes = numPes;
        this.nocBandwidth = nocBandwidth;
        this.dataflow = dataflow;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.costs = Collections.unmodifiableMap(new LinkedHashMap<>(costs));
        Map<LayerKey, LayerCost> index = new HashMap<>();
        int count = 0;
        for (Map.Entry<String, List<LayerCost>> e : costs.entrySet()) {
            List<LayerKey> k = keys.get(e.getKey());
            for (int i = 0; i < k.size(); i++) {
                index.putIfAbsent(k.get(i), e.getValue().get(i)); // first entry in document order wins
            }
            count += k.size();
        }
        this.byShape = index;
        this.layerCount = count;
    }

    /** Highest MACs per ns of any layer of the table, computed on first use (issue 13: GPU stream sharing). */
    private volatile double peakMacsPerNs;

    /**
     * @return the highest throughput, MACs per table ns, of any layer in the table: the empirical peak against which
     * {@link TableAcceleratorModel} measures a layer's spatial utilisation
     */
    double peakMacsPerNs() {
        double peak = peakMacsPerNs;
        if (peak == 0) {
            for (Map.Entry<LayerKey, LayerCost> e : byShape.entrySet()) {
                if (e.getValue().latencyNs() > 0) {
                    peak = Math.max(peak, (double) e.getKey().macs() / e.getValue().latencyNs());
                }
            }
            peakMacsPerNs = peak;
        }
        return peak;
    }

    /** @return the table id, e.g. {@code pe4096_bw256_WS} */
    String id() {
        return id;
    }

    /** @return number of PEs */
    int numPes() {
        return numPes;
    }

    /** @return NoC bandwidth of the top cluster level, elements per cycle */
    double nocBandwidth() {
        return nocBandwidth;
    }

    /** @return the dataflow of the PE array */
    Dataflow dataflow() {
        return dataflow;
    }

    /** @return true if latencies are cycles at the implicit 1 GHz (scaled by clock), false if measured ns */
    boolean cycles() {
        return cycles;
    }

    /** @return total number of (model, layer) entries */
    int layerCount() {
        return layerCount;
    }

    /** @return the models listed, in document order */
    Iterable<String> models() {
        return costs.keySet();
    }

    /**
     * Finds the cost of a layer: the table's own entry when {@code variant} is 0, the model is listed and its
     * layer {@code index} has the same shape; otherwise the first entry (document order) with the same shape.
     *
     * @return the cost in cycles (as ns at 1 GHz) and pJ, or null if no entry has this shape
     */
    LayerCost find(String model, int variant, int index, LayerKey key) {
        if (variant == 0) {
            List<LayerKey> k = keys.get(model);
            if (k != null && index >= 0 && index < k.size() && k.get(index).equals(key)) {
                return costs.get(model).get(index);
            }
        }
        return byShape.get(key);
    }
}
