package org.rtmmlab.engine.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;

/**
 * Small thread-safe LRU cache of {@link CostTables} keyed by (platform, scenario models, cost model instances), so
 * comparisons and sweeps over schedulers price each platform/workload pair once. Keys compare records by value and
 * cost models by identity (a hot-deployed new version of a cost model gets fresh tables). Tables are built outside
 * the lock; two threads racing on one new key may both build it, which is harmless.
 *
 * <p>Beneath the tables, a store of layer prices keyed by (cost model instance, accelerator spec, model, variant)
 * prices each layer of a model on an accelerator once per cache (per {@code Evaluator}, so once per command-line
 * process), whatever the platform's id and the accelerator's id in it: the 26 XRBench settings share 19
 * sub-accelerators, their analytic twins the same specs, and the 7 usage scenarios share models, so the Figure 5
 * grid prices about 190 (model, accelerator) pairs instead of 1,800 (issue 15). The spec is the {@link Accelerator}
 * record without its id: a cost model is assumed to price by what an accelerator is, not by its name in a platform
 * (true of the shipped table and analytic models; a guess for others), and to give the same price for the same
 * inputs, as {@link AcceleratorModel} asks. Failed pricings are not stored (their message names the accelerator).
 */
public final class CostTableCache {

    /** At most this many (cost model, spec, model, variant) price rows are stored; beyond, rows are priced afresh. */
    static final int MAX_ROWS = 4096;

    private final int capacity;
    private final Map<Key, CostTables> entries;
    private final Map<RowKey, CostTables.Row> rows = new ConcurrentHashMap<>();

    /** @param capacity how many table sets to keep, &gt; 0 */
    public CostTableCache(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * @param platform  the platform
     * @param models    the scenario's models in scenario order
     * @param resolver  finds the cost model of an accelerator (e.g. through the plugin catalog)
     * @return cached or freshly built tables
     */
    public CostTables get(Platform platform, List<Model> models, Function<Accelerator, AcceleratorModel> resolver) {
        List<AcceleratorModel> costModels = new ArrayList<>();
        for (Accelerator acc : platform.accelerators()) {
            costModels.add(Objects.requireNonNull(resolver.apply(acc), "cost model of " + acc.id()));
        }
        List<Model> modelList = List.copyOf(models); // the same instance when models is already immutable
        synchronized (entries) {
            // Fast path: the same platform and model list objects (a scenario and platform resolved once and run
            // many times, as in compare and sweeps) are found by identity, without hashing every layer record.
            for (Key k : entries.keySet()) {
                if (k.platform == platform && k.models == modelList && k.sameCostModels(costModels)) {
                    return entries.get(k); // also refreshes the LRU order; k's hash is cached
                }
            }
        }
        Key key = new Key(platform, modelList, costModels);
        synchronized (entries) {
            CostTables hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        CostTables built = new CostTables(platform, models, costModels, this::row);
        synchronized (entries) {
            entries.put(key, built);
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return built;
    }

    /** @return the stored prices of {@code model} variant {@code v} on {@code acc}'s spec, priced on first use */
    private CostTables.Row row(int a, AcceleratorModel costModel, Model model, int v, Accelerator acc) {
        RowKey key = new RowKey(costModel, spec(acc), model, v);
        CostTables.Row row = rows.get(key);
        if (row != null) {
            return row;
        }
        if (rows.size() >= MAX_ROWS) { // bounded: a long sweep over specs prices its newest rows afresh
            return CostTables.priceRow(a, costModel, model, v, acc);
        }
        // priced under the key's lock: threads wanting the same row wait for it instead of pricing it too
        return rows.computeIfAbsent(key, k -> CostTables.priceRow(a, costModel, model, v, acc));
    }

    /** @return {@code acc} without its id, which names it within one platform only */
    private static Accelerator spec(Accelerator acc) {
        return new Accelerator("spec", acc.kind(), acc.costModel(), acc.peCount(), acc.dataflow(), acc.clockHz(),
                acc.nocBandwidth(), acc.offchipBandwidth(), acc.l1Bytes(), acc.l2Bytes(), acc.idlePowerW(),
                acc.partitions(), acc.attributes());
    }

    /** @return how many (cost model, accelerator spec, model, variant) price rows are stored */
    public int pricedRows() {
        return rows.size();
    }

    /** @return number of cached table sets */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** A price row's key: the cost model by identity, the accelerator spec and the model by value. */
    private record RowKey(AcceleratorModel costModel, Accelerator spec, Model model, int variant) {

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof RowKey k && costModel == k.costModel && variant == k.variant
                    && spec.equals(k.spec) && (model == k.model || model.equals(k.model));
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(costModel) * 31 + spec.hashCode()) * 31 + model.hashCode()) * 31
                    + variant;
        }
    }

    /** Platform and models by value, cost models by identity; the hash is computed once. */
    private static final class Key {
        private final Platform platform;
        private final List<Model> models;
        private final List<AcceleratorModel> costModels;
        private final int hash;

        Key(Platform platform, List<Model> models, List<AcceleratorModel> costModels) {
            this.platform = platform;
            this.models = models;
            this.costModels = costModels;
            int h = platform.hashCode() * 31 + models.hashCode();
            for (AcceleratorModel m : costModels) {
                h = h * 31 + System.identityHashCode(m);
            }
            this.hash = h;
        }

        boolean sameCostModels(List<AcceleratorModel> other) {
            if (costModels.size() != other.size()) {
                return false;
            }
            for (int i = 0; i < costModels.size(); i++) {
                if (costModels.get(i) != other.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && hash == k.hash && sameCostModels(k.costModels)
                    && platform.equals(k.platform) && models.equals(k.models);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
