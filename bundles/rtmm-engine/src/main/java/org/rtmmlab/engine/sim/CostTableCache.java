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
        Key key = new Key(platform, List.copyOf(models), costModels);
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

    private record Key(Platform platform, List<Model> models, List<AcceleratorModel> costModels) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || !platform.equals(k.platform) || !models.equals(k.models)
                    || costModels.size() != k.costModels.size()) {
                return false;
            }
            for (int i = 0; i < costModels.size(); i++) {
                if (costModels.get(i) != k.costModels.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = platform.hashCode() * 31 + models.hashCode();
            for (AcceleratorModel m : costModels) {
                h = h * 31 + System.identityHashCode(m);
            }
            return h;
        }
    }
}
