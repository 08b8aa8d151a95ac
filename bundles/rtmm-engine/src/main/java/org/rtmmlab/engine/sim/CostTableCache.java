package org.rtmmlab.engine.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
public final class CostTableCache {

    private final int capacity;
    private final Map<Key, CostTables> entries;

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
        CostTables built = new CostTables(platform, models, costModels);
        synchronized (entries) {
            entries.put(key, built);
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return built;
    }

    /** @return number of cached table sets */
    public int size() {
        synchronized (entries) {
            return entries.size();
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
