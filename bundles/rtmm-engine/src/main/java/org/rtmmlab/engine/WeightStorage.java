package org.rtmmlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;

/**
 * Weight storage of a model and its variants, at layer granularity, with weight sharing made explicit by
 * {@link Layer#weightId()}.
 *
 * <p><b>Counting rule.</b> All layers (of any variant, the full model included) that carry the same weightId use
 * one tensor; a variant's layer with the full layer's weightId is a <em>slice</em> of that tensor (e.g. the first
 * {@code K x w} filters over the first {@code C x w} channels of a width-{@code w} variant). The stored tensor is the
 * <em>union</em> of its slices: per dimension the maximum over its users, {@code max K x max C x R x S} elements
 * ({@code max K x R x S} for {@code DWCONV}, none for {@code OTHER}, as in {@link Layer#weightElements()}), stored
 * once; a {@code K16 x C8} slice and a {@code K8 x C16} slice of one 1x1 tensor need {@code 16 x 16 = 256} elements,
 * not 128. All users of a weightId must agree on operator type and filter size {@code R x S} (a slice never changes
 * either); a layer that does not is rejected. A tensor used by two or more
 * variants is <b>shared</b>; a tensor used by exactly one variant is <b>private</b> to it. Bytes = elements x
 * {@code bytesPerElement}. {@link #totalBytes()} = shared + all private bytes is what a device must hold to switch
 * freely between the variants; {@link #unsharedBytes()} (every variant stored as a copy) shows what sharing saves.
 *
 * <p>Home: the engine (not the API), because this is an evaluation figure computed from API records only, like the
 * other metrics; callers (CLI, reporters, sweeps) already depend on the engine.
 *
 * @param model           model id
 * @param bytesPerElement bytes per weight element (1 for int8, 2 for fp16, ...)
 * @param sharedBytes     bytes of tensors used by two or more variants, each counted once
 * @param privateBytes    per variant id ({@code full} first, then the variants in order), bytes of the tensors only
 *                        it uses
 * @param variantBytes    per variant id, bytes of the tensors it uses (its own footprint, slices at their size)
 */
public record WeightStorage(String model, int bytesPerElement, long sharedBytes, Map<String, Long> privateBytes,
                            Map<String, Long> variantBytes) {

    /** Copies the maps (insertion order kept). */
    public WeightStorage {
        privateBytes = Collections.unmodifiableMap(new LinkedHashMap<>(privateBytes));
        variantBytes = Collections.unmodifiableMap(new LinkedHashMap<>(variantBytes));
    }

    /**
     * Computes the storage of one model.
     *
     * @param model           the model and its variants
     * @param bytesPerElement bytes per weight element, &gt; 0
     * @return the breakdown
     */
    public static WeightStorage of(Model model, int bytesPerElement) {
        if (bytesPerElement <= 0) {
            throw new InvalidInputException("weight storage", "bytesPerElement", "must be > 0, got " + bytesPerElement);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Set<Integer>> users = new LinkedHashMap<>();
        List<Map<String, Tensor>> perVariant = new ArrayList<>();
        for (int v = 0; v < model.variantCount(); v++) {
            Map<String, Tensor> own = new LinkedHashMap<>();
            List<Layer> layers = model.layersOf(v);
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                Tensor t = tensors.get(l.weightId());
                if (t == null) {
                    tensors.put(l.weightId(), new Tensor(l, model.variantId(v), i));
                } else {
                    t.add(model, v, i, l);
                }
                users.computeIfAbsent(l.weightId(), k -> new LinkedHashSet<>()).add(v);
                Tensor mine = own.get(l.weightId());
                if (mine == null) {
                    own.put(l.weightId(), new Tensor(l, model.variantId(v), i));
                } else {
                    mine.add(model, v, i, l);
                }
            }
            perVariant.add(own);
        }
        Map<String, Long> tensorElements = new LinkedHashMap<>();
        tensors.forEach((id, t) -> tensorElements.put(id, t.elements()));
        long shared = 0;
        long[] priv = new long[model.variantCount()];
        for (Map.Entry<String, Long> e : tensorElements.entrySet()) {
            Set<Integer> u = users.get(e.getKey());
            if (u.size() > 1) {
                shared += e.getValue();
            } else {
                priv[u.iterator().next()] += e.getValue();
            }
        }
        Map<String, Long> privateBytes = new LinkedHashMap<>();
        Map<String, Long> variantBytes = new LinkedHashMap<>();
        for (int v = 0; v < model.variantCount(); v++) {
            privateBytes.put(model.variantId(v), priv[v] * bytesPerElement);
            long own = 0;
            for (Tensor t : perVariant.get(v).values()) {
                own += t.elements();
            }
            variantBytes.put(model.variantId(v), own * bytesPerElement);
        }
        return new WeightStorage(model.id(), bytesPerElement, shared * bytesPerElement, privateBytes, variantBytes);
    }

    /** @return the storage of every model of {@code scenario}, in scenario order */
    public static List<WeightStorage> of(Scenario scenario, int bytesPerElement) {
        List<WeightStorage> out = new ArrayList<>();
        for (Model m : scenario.models()) {
            out.add(of(m, bytesPerElement));
        }
        return out;
    }

    /** @return bytes held to serve every variant: shared tensors once plus every private tensor */
    public long totalBytes() {
        long sum = sharedBytes;
        for (long p : privateBytes.values()) {
            sum += p;
        }
        return sum;
    }

    /** @return bytes if every variant were stored as its own copy (no sharing) */
    public long unsharedBytes() {
        long sum = 0;
        for (long b : variantBytes.values()) {
            sum += b;
        }
        return sum;
    }

    /**
     * Checks that the models of a scenario fit a weight-storage budget.
     *
     * @param storages    per model storage (e.g. {@link #of(Scenario, int)})
     * @param budgetBytes available bytes, &gt;= 0
     * @return the total bytes
     * @throws InvalidInputException naming the total, the budget, the overshoot and the largest model, if they do not
     *                               fit
     */
    public static long checkBudget(List<WeightStorage> storages, long budgetBytes) {
        long total = 0;
        WeightStorage largest = null;
        for (WeightStorage s : storages) {
            total += s.totalBytes();
            if (largest == null || s.totalBytes() > largest.totalBytes()) {
                largest = s;
            }
        }
        if (total > budgetBytes) {
            throw new InvalidInputException("weight storage", "budget", "weights need " + total + " bytes ("
                    + storages.size() + " models, shared tensors counted once) but the budget is " + budgetBytes
                    + " bytes: " + (total - budgetBytes) + " bytes over; largest model " + largest.model() + " needs "
                    + largest.totalBytes() + " bytes (" + largest.sharedBytes() + " shared + "
                    + (largest.totalBytes() - largest.sharedBytes()) + " private)");
        }
        return total;
    }

    /** The union of the slices of one weight tensor seen so far: operator and filter fixed, K and C maximal. */
    private static final class Tensor {
        private final Layer first;
        private final String firstVariant;
        private final int firstIndex;
        private int k;
        private int c;

        Tensor(Layer first, String firstVariant, int firstIndex) {
            this.first = first;
            this.firstVariant = firstVariant;
            this.firstIndex = firstIndex;
            this.k = first.k();
            this.c = first.c();
        }

        /** Adds layer {@code i} of variant {@code v} as another slice; rejects a different operator or filter. */
        void add(Model model, int v, int i, Layer l) {
            if (l.type() != first.type() || l.r() != first.r() || l.s() != first.s()) {
                throw new InvalidInputException("weight storage", "model " + model.id() + " variant "
                        + model.variantId(v) + " layer " + i + " (" + l.name() + ")", "weightId '" + l.weightId()
                        + "' is " + shape(l) + " here but " + shape(first) + " in variant " + firstVariant + " layer "
                        + firstIndex + " (" + first.name() + "); layers sharing a weight tensor must have the same"
                        + " operator type and filter size R x S");
            }
            k = Math.max(k, l.k());
            c = Math.max(c, l.c());
        }

        private static String shape(Layer l) {
            return l.type() + " " + l.r() + "x" + l.s();
        }

        /** @return elements of the union: per-dimension maxima, counted as {@link Layer#weightElements()} does */
        long elements() {
            return new Layer(first.name(), first.type(), 1, k, c, 1, 1, first.r(), first.s(), 1, first.weightId())
                    .weightElements();
        }
    }
}
