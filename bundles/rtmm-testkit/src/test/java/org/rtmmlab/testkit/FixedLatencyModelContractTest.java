package org.rtmmlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;

/** The testkit's own cost model meets the cost-model contract, and prices the contract platforms as documented. */
class FixedLatencyModelContractTest extends AcceleratorModelContract {

    @Override
    protected AcceleratorModel model() {
        return new FixedLatencyModel();
    }

    @Override
    protected List<Accelerator> accelerators() {
        List<Accelerator> out = new ArrayList<>();
        for (Platform p : ContractScenarios.platforms()) {
            out.addAll(p.accelerators());
        }
        return out;
    }

    @Test
    void convAndFcLayersCostWhatTheScenarioJavadocSays() {
        Platform two = ContractScenarios.platforms().get(1);
        Model conv = ContractScenarios.model("C", OpType.CONV, 1);
        Model fc = ContractScenarios.model("F", OpType.FC, 1);
        FixedLatencyModel m = new FixedLatencyModel();
        assertEquals(1_000_000L, m.layerCost(conv, 0, 0, two.accelerators().get(0)).latencyNs());
        assertEquals(3_000_000L, m.layerCost(fc, 0, 0, two.accelerators().get(0)).latencyNs());
        assertEquals(3_000_000L, m.layerCost(conv, 0, 0, two.accelerators().get(1)).latencyNs());
        assertEquals(1_000_000L, m.layerCost(fc, 0, 0, two.accelerators().get(1)).latencyNs());
        assertEquals(1e6, m.layerCost(fc, 0, 0, two.accelerators().get(1)).energyPj());
        assertEquals(4_000_000L, m.layerCost(conv, 0, 0, ContractScenarios.platforms().get(2).accelerators().get(0),
                0.25).latencyNs());
    }

    @Test
    void theProviderServesEveryContractScenario() {
        ContractScenarioProvider p = new ContractScenarioProvider();
        assertEquals(List.of(ContractScenarios.SINGLE, ContractScenarios.PAIR, ContractScenarios.CASCADE,
                ContractScenarios.OVERLOAD, ContractScenarios.SHARED), p.scenarios().stream()
                .map(i -> i.id()).toList());
        for (var info : p.scenarios()) {
            assertEquals(info.id(), p.load(info.id()).id());
        }
    }
}
