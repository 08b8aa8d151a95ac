package org.rtmmlab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;
import org.junit.jupiter.api.Test;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Lab;

/** Hits by identity and by value, misses for another cost-model instance, LRU eviction. */
class CostTableCacheTest {

    private final FixedCostModel model = new FixedCostModel();
    private final Platform platform = new Platform("p", "p", List.of(FixedCostModel.accelerator("acc0").build()));
    private final List<Model> models = List.of(Lab.model("m", 1, 2));

    @Test
    void sameObjectsAndEqualValuesHitAnotherCostModelInstanceMisses() {
        CostTableCache cache = new CostTableCache(4);
        CostTables first = cache.get(platform, models, a -> model);
        int calls = model.wholeCalls.get();
        assertSame(first, cache.get(platform, models, a -> model), "same objects");
        Platform equalPlatform = new Platform("p", "p", List.of(FixedCostModel.accelerator("acc0").build()));
        assertSame(first, cache.get(equalPlatform, new ArrayList<>(List.of(Lab.model("m", 1, 2))), a -> model),
                "equal values, other instances");
        assertEquals(calls, model.wholeCalls.get(), "no layer priced again");
        FixedCostModel redeployed = new FixedCostModel(); // a hot-deployed new version of the cost model
        assertNotSame(first, cache.get(platform, models, a -> redeployed));
        assertEquals(2, cache.size());
    }

    @Test
    void theLeastRecentlyUsedEntryIsEvicted() {
        CostTableCache cache = new CostTableCache(2);
        List<Model> a = List.of(Lab.model("a", 1));
        List<Model> b = List.of(Lab.model("b", 1));
        List<Model> c = List.of(Lab.model("c", 1));
        CostTables ta = cache.get(platform, a, x -> model);
        cache.get(platform, b, x -> model);
        assertSame(ta, cache.get(platform, a, x -> model), "a used again: b is now the oldest");
        cache.get(platform, c, x -> model);
        assertEquals(2, cache.size());
        assertSame(ta, cache.get(platform, a, x -> model), "a survived");
        int calls = model.wholeCalls.get();
        cache.get(platform, b, x -> model);
        assertEquals(calls + 1, model.wholeCalls.get(), "b was evicted and is priced again (1 layer)");
    }
}
