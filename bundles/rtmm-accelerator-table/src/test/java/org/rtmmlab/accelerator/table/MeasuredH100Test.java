package org.rtmmlab.accelerator.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.json.PlatformFiles;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

/** The measured H100 profile as platform {@code measured/h100} and as a table usable in any platform file. */
class MeasuredH100Test {

    private final TableAcceleratorModel table = new TableAcceleratorModel();
    private final Scenario vr = new XrbenchScenarioProvider().load("xrbench/VR_gaming");
    private final JsonNode profile = JsonNode.resource(TableData.class, TableData.H100);

    @Test
    void platformIsOneGpuWithTheMeasuredIdlePower() {
        Platform p = table.platforms().stream().filter(x -> x.id().equals("measured/h100")).findFirst().orElseThrow();
        assertEquals(1, p.accelerators().size());
        Accelerator gpu = p.accelerators().get(0);
        assertEquals(AcceleratorKind.GPU, gpu.kind());
        assertEquals(Dataflow.NONE, gpu.dataflow());
        assertEquals(profile.get("idle_power_w").number(), gpu.idlePowerW());
        assertEquals(120.2, gpu.idlePowerW(), 0.05);
        assertEquals("measured/h100-fp16", gpu.attribute("table", null));
        assertTrue(table.supports(gpu));
    }

    @Test
    void esRitNetLatencySumsToTheFilesGraphSumAndEnergyToTheDynamicEnergy() {
        Accelerator gpu = gpu("measured/h100-fp16", 1.98e9);
        for (String dt : MeasuredProfiles.PRECISIONS) {
            Accelerator a = gpu("measured/h100-" + dt, 1.98e9);
            for (Model m : vr.models()) {
                JsonNode file = profile.get("models").get(m.id());
                long ns = 0;
                double pj = 0;
                for (int i = 0; i < m.layers().size(); i++) {
                    LayerCost c = table.layerCost(m, 0, i, a);
                    assertTrue(c.latencyNs() > 0 && c.energyPj() > 0, m.id() + " layer " + i + ": " + c);
                    ns += c.latencyNs();
                    pj += c.energyPj();
                }
                // rounding each layer to whole ns moves the sum by at most 0.5 ns per layer
                assertEquals(MeasuredProfiles.graphSumUs(file, dt) * 1000, ns, 0.5 * m.layers().size(), m.id() + dt);
                assertEquals(file.get("energy_" + dt + "_dynamic_mj_per_inference").number(), pj / 1e9, 1e-9,
                        m.id() + dt);
            }
        }
        Model es = vr.model("ES_RITNet");
        assertEquals(12_678L, table.layerCost(es, 0, 0, gpu).latencyNs()); // conv1: fp16_us_graph 12.678
        assertEquals(312_947.0, sum(es, gpu), 21); // sum_layers_fp16_graph_us 312.947, 42 layers
    }

    @Test
    void measuredLatencyIsNotScaledByTheClock() {
        Model es = vr.model("ES_RITNet");
        assertEquals(table.layerCost(es, 0, 3, gpu("measured/h100-fp16", 1.98e9)),
                table.layerCost(es, 0, 3, gpu("measured/h100-fp16", 1e9)));
    }

    @Test
    void theSampleMixedPlatformFileParsesAndItsGpuIsPriced() throws IOException {
        Path file = Path.of("../../examples/platforms/npu-plus-h100.json");
        Platform p;
        try (Reader r = Files.newBufferedReader(file)) {
            p = PlatformFiles.parse(file.getFileName().toString(), r);
        }
        Accelerator gpu = p.accelerators().stream().filter(a -> a.kind() == AcceleratorKind.GPU).findFirst()
                .orElseThrow();
        assertTrue(table.supports(gpu));
        assertTrue(p.accelerators().stream().anyMatch(a -> a.kind() == AcceleratorKind.NPU
                && a.costModel().equals("analytic")));
        assertTrue(sum(vr.model("GE_FBNet_C"), gpu) > 0);
    }

    private long sum(Model m, Accelerator a) {
        long ns = 0;
        for (int i = 0; i < m.layers().size(); i++) {
            ns += table.layerCost(m, 0, i, a).latencyNs();
        }
        return ns;
    }

    private static Accelerator gpu(String tableId, double clockHz) {
        return Accelerator.builder("gpu0", "table").kind(AcceleratorKind.GPU).clockHz(clockHz)
                .attribute("table", tableId).build();
    }
}
