package org.rtmmlab.scheduler.adaptive;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;

/**
 * Test cost model {@code macs}: a layer takes {@code ceil(MACs / macsPerNs)} ns (accelerator attribute
 * {@code macsPerNs}) and 1 pJ per MAC, so any variant shape has a price proportional to its work.
 */
final class MacCostModel implements AcceleratorModel {

    private final Platform platform;

    MacCostModel(double macsPerNs) {
        platform = new Platform("macs/one", "one MAC-rate accelerator", List.of(Accelerator.builder("npu", "macs")
                .attribute("macsPerNs", Double.toString(macsPerNs)).build()));
    }

    /** Platform {@code macs/<accelerators>}: that many accelerators of {@code macsPerNs} each. */
    MacCostModel(double macsPerNs, int accelerators) {
        List<Accelerator> accs = new java.util.ArrayList<>();
        for (int a = 0; a < accelerators; a++) {
            accs.add(Accelerator.builder("npu" + a, "macs").attribute("macsPerNs", Double.toString(macsPerNs))
                    .build());
        }
        platform = new Platform("macs/" + accelerators, accelerators + " MAC-rate accelerators", accs);
    }

    @Override
    public String id() {
        return "macs";
    }

    @Override
    public String description() {
        return "test: latency proportional to MACs";
    }

    @Override
    public LayerCost layerCost(Model model, int variant, int layer, Accelerator acc) {
        long macs = model.layersOf(variant).get(layer).macs();
        double rate = Double.parseDouble(acc.attribute("macsPerNs", "1"));
        return new LayerCost(Math.max(1, (long) Math.ceil(macs / rate)), macs);
    }

    @Override
    public List<Platform> platforms() {
        return List.of(platform);
    }
}
