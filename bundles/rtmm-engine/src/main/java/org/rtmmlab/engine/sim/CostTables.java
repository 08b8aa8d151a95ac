package org.rtmmlab.engine.sim;

import java.util.List;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;

/**
 * Latency and energy of every (model, variant, layer, accelerator) on a whole accelerator, priced once through the
 * accelerators' {@link AcceleratorModel}s, with prefix sums so block, remaining and fastest-remaining queries are a
 * few array reads. Immutable after construction and therefore shareable between concurrent runs.
 *
 * <p>Layout: for model/variant slot {@code mv} with {@code L} layers, per-layer arrays are indexed
 * {@code a * L + layer} and prefix arrays {@code a * (L + 1) + layer}.
 */
public final class CostTables implements CostView {

    private final List<Model> models;
    private final Platform platform;
    /** the models and accelerators by index (the hot path reads arrays, not lists). */
    private final Model[] modelArray;
    private final Accelerator[] acceleratorArray;
    private final AcceleratorModel[] costModels;
    private final int accelerators;
    /** first mv slot of model m. */
    private final int[] mvBase;
    private final int[] layers;
    private final long[][] latency;
    private final double[][] energy;
    private final long[][] latencyPrefix;
    private final double[][] energyPrefix;
    /** suffix sums of each layer's fastest latency over all accelerators, length L + 1. */
    private final long[][] fastestSuffix;
    /**
     * Prefix counts of layers the accelerator cannot run (cost model's {@code supportsLayer}), indexed like the
     * prefix arrays; null for a model/variant every accelerator runs whole (the common case: no extra read).
     */
    private final int[][] unsupportedPrefix;

    /**
     * Prices every layer.
     *
     * @param platform   the platform
     * @param models     the scenario's models, in scenario order
     * @param costModels cost model of each accelerator of the platform, same order
     * @throws InvalidInputException if a cost model does not support its accelerator, or fails or returns nothing
     *                               for a layer (the message names the cost model, model, variant, layer and
     *                               accelerator)
     */
    public CostTables(Platform platform, List<Model> models, List<AcceleratorModel> costModels) {
        this(platform, models, costModels, CostTables::priceRow);
    }

    /**
     * Prices every layer through {@code rows} (e.g. {@link CostTableCache}'s store, which prices each model layer
     * on each accelerator spec once, whatever the platform).
     */
    CostTables(Platform platform, List<Model> models, List<AcceleratorModel> costModels, LayerPrices rows) {
        this.platform = platform;
        this.models = List.copyOf(models);
        this.accelerators = platform.accelerators().size();
        this.modelArray = this.models.toArray(new Model[0]);
        this.acceleratorArray = platform.accelerators().toArray(new Accelerator[0]);
        this.costModels = costModels.toArray(new AcceleratorModel[0]);
        if (this.costModels.length != accelerators) {
            throw new IllegalArgumentException("one cost model per accelerator expected");
        }
        for (int a = 0; a < accelerators; a++) {
            Accelerator acc = platform.accelerators().get(a);
            if (!this.costModels[a].supports(acc)) {
                throw new InvalidInputException("platform " + platform.id(), "accelerators[" + a + "]",
                        "cost model '" + this.costModels[a].id() + "' does not support accelerator '" + acc.id() + "'");
            }
        }
        mvBase = new int[this.models.size()];
        int slots = 0;
        for (int m = 0; m < this.models.size(); m++) {
            mvBase[m] = slots;
            slots += this.models.get(m).variantCount();
        }
        layers = new int[slots];
        latency = new long[slots][];
        energy = new double[slots][];
        latencyPrefix = new long[slots][];
        energyPrefix = new double[slots][];
        fastestSuffix = new long[slots][];
        unsupportedPrefix = new int[slots][];
        for (int m = 0; m < this.models.size(); m++) {
            Model model = this.models.get(m);
            for (int v = 0; v < model.variantCount(); v++) {
                fill(mvBase[m] + v, model, v, rows);
            }
        }
    }

    private void fill(int mv, Model model, int v, LayerPrices rows) {
        int l = model.layersOf(v).size();
        layers[mv] = l;
        long[] lat = new long[accelerators * l];
        double[] en = new double[accelerators * l];
        long[] latP = new long[accelerators * (l + 1)];
        double[] enP = new double[accelerators * (l + 1)];
        int[] unsupP = null;
        for (int a = 0; a < accelerators; a++) {
            Accelerator acc = platform.accelerators().get(a);
            Row row = rows.row(a, costModels[a], model, v, acc);
            long sumL = 0;
            double sumE = 0;
            for (int i = 0; i < l; i++) {
                if (row.unsupported() != null && row.unsupported()[i]) {
                    if (unsupP == null) {
                        unsupP = new int[accelerators * (l + 1)];
                    }
                    unsupP[a * (l + 1) + i + 1] = 1; // marked here, summed into prefix counts below
                    lat[a * l + i] = CostView.UNSUPPORTED_LATENCY_NS;
                    en[a * l + i] = Double.POSITIVE_INFINITY;
                    latP[a * (l + 1) + i + 1] = sumL; // prefix sums skip it; block queries check the counts first
                    enP[a * (l + 1) + i + 1] = sumE;
                    continue;
                }
                long latency = row.latencyNs()[i];
                double energy = row.energyPj()[i];
                lat[a * l + i] = latency;
                en[a * l + i] = energy;
                try {
                    sumL = Math.addExact(sumL, latency);
                } catch (ArithmeticException overflow) {
                    throw new PricingException(a, new InvalidInputException("cost model " + costModels[a].id(),
                            where(model, v, i, acc), "the model's latency up to this layer exceeds 2^63 ns (292 years);"
                            + " check the accelerator's clock and bandwidths"));
                }
                sumE += energy;
                latP[a * (l + 1) + i + 1] = sumL;
                enP[a * (l + 1) + i + 1] = sumE;
            }
        }
        if (unsupP != null) {
            for (int a = 0; a < accelerators; a++) {
                for (int i = 0; i < l; i++) {
                    unsupP[a * (l + 1) + i + 1] += unsupP[a * (l + 1) + i];
                }
            }
        }
        long[] fast = new long[l + 1];
        int unrunnable = -1;
        for (int i = l - 1; i >= 0; i--) {
            long best = Long.MAX_VALUE;
            for (int a = 0; a < accelerators; a++) {
                if (unsupP == null || unsupP[a * (l + 1) + i + 1] == unsupP[a * (l + 1) + i]) {
                    best = Math.min(best, lat[a * l + i]);
                }
            }
            if (best == Long.MAX_VALUE) {
                unrunnable = i; // the loop runs backwards: the last one set is the first such layer
                continue;
            }
            fast[i] = fast[i + 1] + best;
        }
        if (unrunnable >= 0) {
            // issue 13: a layer no accelerator of the platform can run makes the model unrunnable there
            Layer layer = model.layersOf(v).get(unrunnable);
            throw new InvalidInputException("platform " + platform.id(), "model " + model.id() + " variant "
                    + model.variantId(v) + " layer " + unrunnable + " (" + layer.name() + ", " + layer.type() + ")",
                    "no accelerator of the platform can run it (each cost model says the layer is unsupported);"
                    + " add an accelerator that supports it");
        }
        unsupportedPrefix[mv] = unsupP;
        latency[mv] = lat;
        energy[mv] = en;
        latencyPrefix[mv] = latP;
        energyPrefix[mv] = enP;
        fastestSuffix[mv] = fast;
    }

    /**
     * The prices of one model variant's layers on one accelerator, as its cost model gives them.
     *
     * @param latencyNs   per layer; unset where unsupported
     * @param energyPj    per layer; unset where unsupported
     * @param unsupported per layer, true where the cost model says the accelerator cannot run it; null if none
     */
    record Row(long[] latencyNs, double[] energyPj, boolean[] unsupported) {
    }

    /** Where {@link CostTables} gets a {@link Row}: priced afresh ({@link #priceRow}) or from a store of them. */
    @FunctionalInterface
    interface LayerPrices {
        /**
         * @param a     index of the accelerator in the platform (for messages)
         * @throws PricingException if a layer cannot be priced
         */
        Row row(int a, AcceleratorModel costModel, Model model, int variant, Accelerator accelerator);
    }

    /** @return every layer of {@code model} variant {@code v} priced by {@code cm} on {@code acc} */
    static Row priceRow(int a, AcceleratorModel cm, Model model, int v, Accelerator acc) {
        int l = model.layersOf(v).size();
        long[] lat = new long[l];
        double[] en = new double[l];
        boolean[] unsupported = null;
        for (int i = 0; i < l; i++) {
            if (!supportsLayer(cm, model, v, i, acc)) {
                if (unsupported == null) {
                    unsupported = new boolean[l];
                }
                unsupported[i] = true;
                continue;
            }
            LayerCost c;
            try {
                c = price(cm, model, v, i, acc);
            } catch (InvalidInputException e) {
                throw new PricingException(a, e, model.id(), v, i);
            }
            lat[i] = c.latencyNs();
            en[i] = c.energyPj();
        }
        return new Row(lat, en, unsupported);
    }

    private static boolean supportsLayer(AcceleratorModel cm, Model model, int v, int layer, Accelerator acc) {
        try {
            return cm.supportsLayer(model, v, layer, acc);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cost model " + cm.id(), where(model, v, layer, acc),
                    "failed to say whether it supports the layer: " + e.getMessage());
        }
    }

    static LayerCost price(AcceleratorModel cm, Model model, int v, int layer, Accelerator acc) {
        LayerCost c;
        try {
            c = cm.layerCost(model, v, layer, acc);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cost model " + cm.id(), where(model, v, layer, acc),
                    "failed: " + e.getMessage());
        }
        if (c == null) {
            throw new InvalidInputException("cost model " + cm.id(), where(model, v, layer, acc), "returned no cost");
        }
        return c;
    }

    static String where(Model model, int v, int layer, Accelerator acc) {
        return "model " + model.id() + " variant " + model.variantId(v) + " layer " + layer + " ("
                + model.layersOf(v).get(layer).name() + ") on accelerator " + acc.id();
    }

    /** @return the platform these tables price */
    public Platform platform() {
        return platform;
    }

    /** @return the cost model of accelerator {@code a} */
    public AcceleratorModel costModel(int a) {
        return costModels[a];
    }

    private int mv(int m, int variant) {
        return mvBase[m] + variant;
    }

    @Override
    public int modelCount() {
        return models.size();
    }

    @Override
    public Model model(int m) {
        return modelArray[m];
    }

    @Override
    public int acceleratorCount() {
        return accelerators;
    }

    @Override
    public Accelerator accelerator(int a) {
        return acceleratorArray[a];
    }

    @Override
    public long latencyNs(int m, int variant, int layer, int a) {
        int mv = mv(m, variant);
        return latency[mv][a * layers[mv] + checkLayer(mv, layer)];
    }

    @Override
    public double energyPj(int m, int variant, int layer, int a) {
        int mv = mv(m, variant);
        return energy[mv][a * layers[mv] + checkLayer(mv, layer)];
    }

    @Override
    public boolean supported(int m, int variant, int layer, int a) {
        int mv = mv(m, variant);
        int[] u = unsupportedPrefix[mv];
        int i = a * (layers[mv] + 1) + checkLayer(mv, layer);
        return u == null || u[i + 1] == u[i];
    }

    @Override
    public boolean blockSupported(int m, int variant, int from, int count, int a) {
        int mv = mv(m, variant);
        checkRange(mv, from, count);
        int[] u = unsupportedPrefix[mv];
        int base = a * (layers[mv] + 1);
        return u == null || u[base + from + count] == u[base + from];
    }

    @Override
    public long blockLatencyNs(int m, int variant, int from, int count, int a) {
        int mv = mv(m, variant);
        checkRange(mv, from, count);
        int base = a * (layers[mv] + 1);
        int[] u = unsupportedPrefix[mv];
        if (u != null && u[base + from + count] != u[base + from]) {
            return CostView.UNSUPPORTED_LATENCY_NS;
        }
        long[] p = latencyPrefix[mv];
        return p[base + from + count] - p[base + from];
    }

    @Override
    public double blockEnergyPj(int m, int variant, int from, int count, int a) {
        int mv = mv(m, variant);
        checkRange(mv, from, count);
        int base = a * (layers[mv] + 1);
        int[] u = unsupportedPrefix[mv];
        if (u != null && u[base + from + count] != u[base + from]) {
            return Double.POSITIVE_INFINITY;
        }
        double[] p = energyPrefix[mv];
        return from == 0 ? p[base + count] : p[base + from + count] - p[base + from];
    }

    @Override
    public long remainingLatencyNs(int m, int variant, int from, int a) {
        int mv = mv(m, variant);
        return blockLatencyNs(m, variant, from, layers[mv] - from, a);
    }

    @Override
    public long remainingLatencyFastestNs(int m, int variant, int from) {
        int mv = mv(m, variant);
        checkRange(mv, from, layers[mv] - from);
        return fastestSuffix[mv][from];
    }

    @Override
    public double remainingEnergyPj(int m, int variant, int from, int a) {
        int mv = mv(m, variant);
        return blockEnergyPj(m, variant, from, layers[mv] - from, a);
    }

    @Override
    public int layerCount(int m, int variant) {
        return layers[mv(m, variant)];
    }

    private int checkLayer(int mv, int layer) {
        if (layer < 0 || layer >= layers[mv]) {
            throw new IndexOutOfBoundsException("layer " + layer + " of " + layers[mv]);
        }
        return layer;
    }

    private void checkRange(int mv, int from, int count) {
        if (from < 0 || count < 0 || from + count > layers[mv]) {
            throw new IndexOutOfBoundsException("layers [" + from + ", " + (from + count) + ") of " + layers[mv]);
        }
    }

    /** A layer could not be priced on accelerator {@link #accelerator()} (index in the platform): same message. */
    public static final class PricingException extends InvalidInputException {

        private static final long serialVersionUID = 1L;

        private final int accelerator;

        private final String model;
        private final int variant;
        private final int layer;

        PricingException(int accelerator, InvalidInputException cause) {
            this(accelerator, cause, "", -1, -1);
        }

        PricingException(int accelerator, InvalidInputException cause, String model, int variant, int layer) {
            super(cause.source(), cause.path(), cause.reason());
            this.accelerator = accelerator;
            this.model = model;
            this.variant = variant;
            this.layer = layer;
        }

        /** @return id of the model whose layer could not be priced, or "" when not a layer's pricing */
        public String model() {
            return model;
        }

        /** @return index of the variant (0 = the full model), or -1 */
        public int variant() {
            return variant;
        }

        /** @return index of the layer in its variant, or -1 */
        public int layer() {
            return layer;
        }

        /** @return index of the accelerator in the platform */
        public int accelerator() {
            return accelerator;
        }
    }
}
