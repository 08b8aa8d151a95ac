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

/**
 * Hits by identity and by value, misses for another cost-model instance, LRU eviction; layer prices shared across
 * platforms and accelerator ids of the same spec.
 */
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
        CostTables tb = cache.get(platform, b, x -> model);
        assertSame(ta, cache.get(platform, a, x -> model), "a used again: b is now the oldest");
        cache.get(platform, c, x -> model);
        assertEquals(2, cache.size());
        assertSame(ta, cache.get(platform, a, x -> model), "a survived");
        int calls = model.wholeCalls.get();
        CostTables again = cache.get(platform, b, x -> model);
        assertNotSame(tb, again, "b was evicted: its tables are built again");
        assertEquals(calls, model.wholeCalls.get(), "from the stored layer prices: no layer priced again");
        assertEquals(tb.latencyNs(0, 0, 0, 0), again.latencyNs(0, 0, 0, 0));
    }

    @Test
    void aLayerIsPricedOncePerAcceleratorSpecWhateverThePlatformOrAcceleratorId() {
        CostTableCache cache = new CostTableCache(8);
        Platform single = new Platform("single", "", List.of(FixedCostModel.accelerator("acc0")
                .attribute("nsPerK", "7").build()));
        Platform renamed = new Platform("other/id", "", List.of(FixedCostModel.accelerator("big")
                .attribute("nsPerK", "7").build()));
        Platform dual = new Platform("dual", "", List.of(
                FixedCostModel.accelerator("x").attribute("nsPerK", "7").build(),
                FixedCostModel.accelerator("y").attribute("nsPerK", "3").build()));
        List<Model> two = List.of(Lab.model("m", 5, 9), Lab.model("n", 4));
        CostTables first = cache.get(single, two, x -> model);
        assertEquals(3, model.wholeCalls.get(), "3 layers on one spec");
        CostTables second = cache.get(renamed, List.of(Lab.model("m", 5, 9)), x -> model);
        assertEquals(3, model.wholeCalls.get(), "same spec under another platform and accelerator id: no pricing");
        assertEquals(first.latencyNs(0, 0, 1, 0), second.latencyNs(0, 0, 1, 0));
        assertEquals(63, second.latencyNs(0, 0, 1, 0), "9 x 7 ns");
        CostTables both = cache.get(dual, two, x -> model);
        assertEquals(6, model.wholeCalls.get(), "only the new spec (nsPerK 3) is priced: 3 layers");
        assertEquals(63, both.latencyNs(0, 0, 1, 0));
        assertEquals(27, both.latencyNs(0, 0, 1, 1), "9 x 3 ns");
        assertEquals(12, both.remainingLatencyNs(1, 0, 0, 1), "4 x 3 ns");
        assertEquals(4, cache.pricedRows(), "rows: m and n on the spec nsPerK 7, and on nsPerK 3");
        FixedCostModel redeployed = new FixedCostModel();
        cache.get(renamed, List.of(Lab.model("m", 5, 9)), x -> redeployed);
        assertEquals(2, redeployed.wholeCalls.get(), "another cost-model instance prices afresh");
    }

    @Test
    void aFailedPricingIsNotStoredAndNamesTheAcceleratorOfItsPlatform() {
        CostTableCache cache = new CostTableCache(8);
        model.failOn = "l1";
        Platform p1 = new Platform("p1", "", List.of(FixedCostModel.accelerator("first").build()));
        Platform p2 = new Platform("p2", "", List.of(FixedCostModel.accelerator("second").build()));
        var e1 = org.junit.jupiter.api.Assertions.assertThrows(CostTables.PricingException.class,
                () -> cache.get(p1, models, x -> model));
        var e2 = org.junit.jupiter.api.Assertions.assertThrows(CostTables.PricingException.class,
                () -> cache.get(p2, models, x -> model));
        org.junit.jupiter.api.Assertions.assertTrue(e1.getMessage().contains("accelerator first"), e1.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e2.getMessage().contains("accelerator second"), e2.getMessage());
        assertEquals(0, cache.pricedRows());
        model.failOn = null;
        cache.get(p2, models, x -> model);
        assertEquals(1, cache.pricedRows());
    }
}
