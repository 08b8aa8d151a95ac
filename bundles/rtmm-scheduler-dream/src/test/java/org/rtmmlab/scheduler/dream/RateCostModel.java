package org.rtmmlab.scheduler.dream;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;

/**
 * Test cost model {@code rate}: a layer takes {@code ceil(MACs / macsPerNs)} ns and {@code pjPerMac x MACs} pJ (both
 * accelerator attributes), so any model or variant has a price proportional to its work, and a platform can mix a
 * fast, power-hungry accelerator with a slow, frugal one.
 */
final class RateCostModel implements AcceleratorModel {

    private final Platform platform;

    /** @param platform the one platform it ships; its accelerators name this model and set both attributes */
    RateCostModel(Platform platform) {
        this.platform = platform;
    }

    /** @return an accelerator of this model */
    static Accelerator accelerator(String id, double macsPerNs, double pjPerMac) {
        return Accelerator.builder(id, "rate").attribute("macsPerNs", Double.toString(macsPerNs))
                .attribute("pjPerMac", Double.toString(pjPerMac)).build();
    }

    @Override
    public String id() {
        return "rate";
    }

    @Override
    public String description() {
        return "test: latency and energy proportional to MACs";
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator acc) {
        long macs = model.layersOf(variant).get(layer).macs();
        double rate = Double.parseDouble(acc.attribute("macsPerNs", "1"));
        double pj = Double.parseDouble(acc.attribute("pjPerMac", "1"));
        return new LayerCost(Math.max(1, (long) Math.ceil(macs / rate)), pj * macs);
    }

    @Override
    public List<Platform> platforms() {
        return List.of(platform);
    }
}
