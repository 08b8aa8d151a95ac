package org.rtmmlab.engine.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;

/**
 * Hand-computable cost model {@code fixed}: a layer takes {@code K x nsPerK} ns (accelerator attribute, default
 * 1 ms per K) and {@code C x pjPerC} pJ (default 1e6 pJ = 1 uJ per C). Moving a job onto an accelerator costs that
 * accelerator's {@code switchNs} / {@code switchPj} attributes (default 0).
 */
public final class FixedCostModel implements AcceleratorModel {

    /** Id of this cost model. */
    public static final String ID = "fixed";

    private final List<Platform> platforms = new CopyOnWriteArrayList<>();
    /** Number of layerCost calls for a whole accelerator (to observe caching). */
    public final AtomicInteger wholeCalls = new AtomicInteger();
    /** Layer name that makes the model throw, or null. */
    public volatile String failOn;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "test cost model: K x nsPerK ns, C x pjPerC pJ";
    }

    /** Adds a platform this model ships. */
    public void add(Platform p) {
        platforms.add(p);
    }

    @Override
    public List<Platform> platforms() {
        return platforms;
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator acc) {
        wholeCalls.incrementAndGet();
        var l = model.layersOf(variant).get(layer);
        if (l.name().equals(failOn)) {
            throw new IllegalStateException("no table entry for " + l.name());
        }
        long nsPerK = Long.parseLong(acc.attribute("nsPerK", "1000000"));
        double pjPerC = Double.parseDouble(acc.attribute("pjPerC", "1000000"));
        return new LayerCost(l.k() * nsPerK, l.c() * pjPerC);
    }

    @Override
    public LayerCost switchCost(Model model, int variant, int nextLayer, Accelerator from, Accelerator to) {
        return new LayerCost(Long.parseLong(to.attribute("switchNs", "0")),
                Double.parseDouble(to.attribute("switchPj", "0")));
    }

    /** @return an accelerator priced by this model */
    public static Accelerator.Builder accelerator(String id) {
        return Accelerator.builder(id, ID);
    }
}
