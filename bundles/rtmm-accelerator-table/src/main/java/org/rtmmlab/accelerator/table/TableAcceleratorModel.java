package org.rtmmlab.accelerator.table;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.platform.StreamSharing;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;

/**
 * Accelerator model {@code table}: replays the per-layer MAESTRO (latency, energy) tables of XRBench
 * (XRBench-MLSys2023, MIT licence, commit 8915666; {@code docs/xrbench-data.md}, section costs.json).
 *
 * <p>An accelerator names its table with the attribute {@code table}, e.g. {@code table=pe4096_bw256_WS}. The
 * cost of layer {@code i} of a model is {@code costs[table][model.id()][i]} when the variant is 0, the model is in
 * the table and that layer has the table layer's shape; otherwise (a variant, a model the table does not list, or
 * a different shape) it is the first table entry of the same accelerator, in document order, whose layer has the
 * same type, stride and dims N, K, C, Y, X, R, S. Latency: the table's cycles, which are nanoseconds at the
 * implicit 1 GHz of XRBench; an accelerator with another {@code clockHz} gets {@code round(cycles * 1e9 /
 * clockHz)}. Energy: nJ x 1000 = pJ. No switch cost and no idle power, as in XRBench.
 *
 * <p>{@link #platforms()} offers the 26 Figure-5 settings of the paper ({@code xrbench/Single_4K__WS} ...
 * {@code xrbench/Quad_8K__WS_OS_WS_OS}). Data is parsed once; the model is thread-safe.
 */
@Component(service = AcceleratorModel.class)
@ServiceProvider(value = AcceleratorModel.class, resolution = Resolution.OPTIONAL)
public final class TableAcceleratorModel implements AcceleratorModel {

    /** Plugin id, also the {@link Accelerator#costModel()} this model prices. */
    public static final String ID = "table";

    /** Accelerator attribute naming the cost table. */
    public static final String TABLE_ATTRIBUTE = "table";

    private static final double REFERENCE_CLOCK_HZ = 1e9;

    /** Creates the model; data is loaded on first use. */
    public TableAcceleratorModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Replays per-layer latency/energy tables: XRBench MAESTRO (19 sub-accelerators, 26 platforms)"
                + " and measured NVIDIA H100 (platform measured/h100)";
    }

    @Override
    public boolean supports(Accelerator accelerator) {
        return ID.equals(accelerator.costModel())
                && TableData.shared().table(accelerator.attribute(TABLE_ATTRIBUTE, "")) != null;
    }

    /**
     * Validates attribute {@code table} (present, a known table) and {@code coRunInterference} (optional, see
     * {@link StreamSharing#interference}) and rejects any other attribute.
     */
    @Override
    public void check(Accelerator accelerator) {
        for (String key : accelerator.attributes().keySet()) {
            if (!TABLE_ATTRIBUTE.equals(key) && !StreamSharing.INTERFERENCE_ATTRIBUTE.equals(key)) {
                throw new InvalidInputException("", "attributes." + key, "unknown attribute of cost model " + ID
                        + "; allowed: " + StreamSharing.INTERFERENCE_ATTRIBUTE + ", " + TABLE_ATTRIBUTE);
            }
        }
        StreamSharing.interference(accelerator);
        try {
            table(accelerator);
        } catch (InvalidInputException e) { // its path starts with the accelerator id
            String prefix = accelerator.id() + ".";
            throw new InvalidInputException("", e.path().startsWith(prefix) ? e.path().substring(prefix.length())
                    : e.path().equals(accelerator.id()) ? "costModel" : e.path(), e.reason());
        }
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
        CostTable table = table(accelerator);
        if (variant < 0 || variant >= model.variantCount()) {
            throw new InvalidInputException(ID, table.id() + "/" + model.id(),
                    "variant " + variant + " out of range [0, " + model.variantCount() + ")");
        }
        List<Layer> layers = model.layersOf(variant);
        if (layer < 0 || layer >= layers.size()) {
            throw new InvalidInputException(ID, table.id() + "/" + model.id(),
                    "layer " + layer + " out of range [0, " + layers.size() + ")");
        }
        Layer l = layers.get(layer);
        LayerKey key = LayerKey.of(l);
        LayerCost cost = table.find(model.id(), variant, layer, key);
        if (cost == null) {
            throw new InvalidInputException(ID, table.id() + "/" + model.id() + "/" + l.name(),
                    "no cost entry for this layer and no table layer with the same shape (" + key.describe() + ")");
        }
        if (!table.cycles() || accelerator.clockHz() == REFERENCE_CLOCK_HZ) {
            return cost;
        }
        return new LayerCost(Math.round(cost.latencyNs() * (REFERENCE_CLOCK_HZ / accelerator.clockHz())),
                cost.energyPj());
    }

    /**
     * On a GPU, a share below 1 is one of two co-running streams (issue 13, RT-mDL's GPU packing): the layer's time
     * follows {@link StreamSharing} with its spatial utilisation = its throughput (MACs per ns in the table) over the
     * table's highest, and the accelerator's {@link StreamSharing#interference} (default 0.2, a guess). On other
     * accelerator kinds the API's default (time / share) is unchanged.
     */
    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator, double share) {
        if (share >= 1.0 || accelerator.kind() != AcceleratorKind.GPU) {
            return AcceleratorModel.super.layerCost(model, variant, layer, accelerator, share);
        }
        LayerCost whole = layerCost(model, variant, layer, accelerator);
        return new LayerCost(StreamSharing.coRunLatencyNs(whole.latencyNs(),
                utilisation(model.layersOf(variant).get(layer), whole, accelerator), share,
                StreamSharing.interference(accelerator)), whole.energyPj());
    }

    /** @return the layer's throughput over the table's peak, in (0, 1]; 1 when unknown */
    static double utilisation(Layer layer, LayerCost whole, Accelerator accelerator) {
        CostTable table = table(accelerator);
        double peak = table.peakMacsPerNs();
        if (!(peak > 0) || whole.latencyNs() <= 0) {
            return 1;
        }
        // latency back in table ns (MAESTRO cycles are scaled by the clock; the ratio to the peak is not)
        double tableNs = table.cycles() ? whole.latencyNs() * (accelerator.clockHz() / REFERENCE_CLOCK_HZ)
                : whole.latencyNs();
        return Math.min(1, layer.macs() / tableNs / peak);
    }

    @Override
    public List<Platform> platforms() {
        return TableData.shared().platforms();
    }

    private static CostTable table(Accelerator accelerator) {
        if (!ID.equals(accelerator.costModel())) {
            throw new InvalidInputException(ID, accelerator.id(),
                    "accelerator uses cost model '" + accelerator.costModel() + "', not '" + ID + "'");
        }
        String id = accelerator.attribute(TABLE_ATTRIBUTE, null);
        if (id == null) {
            throw new InvalidInputException(ID, accelerator.id() + ".attributes." + TABLE_ATTRIBUTE,
                    "missing: name one of " + String.join(", ", TableData.shared().tableIds()));
        }
        CostTable table = TableData.shared().table(id);
        if (table == null) {
            throw new InvalidInputException(ID, accelerator.id() + ".attributes." + TABLE_ATTRIBUTE,
                    "unknown cost table '" + id + "'; known: " + String.join(", ", TableData.shared().tableIds()));
        }
        return table;
    }
}
