package org.rtmmlab.accelerator.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.json.PlatformFiles;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

class AnalyticAcceleratorModelTest {

    private final AnalyticAcceleratorModel model = new AnalyticAcceleratorModel();
    private final Layer conv3 = Layer.conv("c3", 1, 32, 32, 160, 100, 3, 3);

    private static Accelerator npu(Dataflow df, int pes, double noc, double offchip, long l2) {
        return Accelerator.builder("npu", "analytic").peCount(pes).dataflow(df).nocBandwidth(noc)
                .offchipBandwidth(offchip).l2Bytes(l2).build();
    }

    @Test
    void serviceLoaderFindsTheModel() {
        List<String> ids = new ArrayList<>();
        for (AcceleratorModel m : ServiceLoader.load(AcceleratorModel.class)) {
            ids.add(m.id());
        }
        assertTrue(ids.contains("analytic"), ids.toString());
    }

    @Test
    void weightStationaryComputeBoundLayerFollowsTheMapping() {
        // 4096 PEs: 16 clusters of 16 K-lanes x 16 C-lanes; steps = 2 C tiles x 2 K tiles x 158 rows x ceil(98/16)
        LayerEstimate e = model.estimate(conv3, npu(Dataflow.WS, 4096, 256, 128, 4 << 20));
        assertEquals(2L * 2 * 158 * 7 * 9, e.computeCycles());
        assertEquals(e.computeCycles(), e.latencyCycles());
        assertEquals(conv3.macs(), e.macs());
        assertEquals(1.0, e.utilisation());
    }

    @Test
    void narrowNocMakesTheLayerBandwidthBound() {
        LayerEstimate wide = model.estimate(conv3, npu(Dataflow.OS, 4096, 256, 128, 4 << 20));
        LayerEstimate narrow = model.estimate(conv3, npu(Dataflow.OS, 4096, 1, 128, 4 << 20));
        assertEquals(wide.computeCycles(), narrow.computeCycles());
        assertTrue(narrow.nocCycles() > narrow.computeCycles());
        assertEquals((long) Math.ceil(narrow.nocCycles()), narrow.latencyCycles());
        assertTrue(narrow.latencyCycles() > wide.latencyCycles());
    }

    @Test
    void aLayerThatDoesNotFitInL2PaysDramTrafficAndEnergy() {
        LayerEstimate fits = model.estimate(conv3, npu(Dataflow.RS, 1024, 128, 16, 4 << 20));
        LayerEstimate spills = model.estimate(conv3, npu(Dataflow.RS, 1024, 128, 16, 1024));
        assertEquals(conv3.weightElements() + conv3.inputElements() + conv3.outputElements(), fits.dramElements());
        assertTrue(spills.dramElements() > fits.dramElements());
        assertTrue(spills.energyPj() > fits.energyPj());
        assertEquals(fits.onChipEnergyPj(), spills.onChipEnergyPj());
        assertEquals(fits.dramElements() * 200 * 2.88, fits.dramEnergyPj(), 1e-6);
    }

    @Test
    void clockScalesLatencyNotEnergy() {
        Model m = Model.of("M", "", List.of(conv3));
        Accelerator slow = npu(Dataflow.WS, 4096, 256, 128, 4 << 20);
        Accelerator fast = Accelerator.builder("npu", "analytic").peCount(4096).dataflow(Dataflow.WS)
                .nocBandwidth(256).offchipBandwidth(128).l2Bytes(4 << 20).clockHz(2e9).build();
        LayerCost a = model.layerCost(m, 0, 0, slow);
        LayerCost b = model.layerCost(m, 0, 0, fast);
        assertEquals((a.latencyNs() + 1) / 2, b.latencyNs());
        assertEquals(a.energyPj(), b.energyPj());
    }

    @Test
    void moreBytesPerElementMeansMoreDramTime() {
        Accelerator one = npu(Dataflow.WS, 256, 64, 1, 4 << 20);
        Accelerator two = Accelerator.builder("npu", "analytic").peCount(256).dataflow(Dataflow.WS)
                .nocBandwidth(64).offchipBandwidth(1).l2Bytes(4 << 20).attribute("elementBytes", "2").build();
        assertEquals(2 * model.estimate(conv3, one).dramCycles(), model.estimate(conv3, two).dramCycles(), 1e-6);
        Accelerator bad = Accelerator.builder("npu", "analytic").peCount(256).dataflow(Dataflow.WS)
                .attribute("elementBytes", "two").build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> model.estimate(conv3, bad));
        assertEquals("npu.attributes.elementBytes", e.path());
    }

    @Test
    void supportsOnlyAnalyticPeArrays() {
        assertTrue(model.supports(npu(Dataflow.RS, 64, 1, 1, 0)));
        assertFalse(model.supports(npu(Dataflow.NONE, 64, 1, 1, 0)));
        assertFalse(model.supports(Accelerator.builder("t", "table").dataflow(Dataflow.WS).build()));
        Model m = Model.of("M", "", List.of(conv3));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> model.layerCost(m, 0, 0, npu(Dataflow.NONE, 64, 1, 1, 0)));
        assertEquals("npu.dataflow", e.path());
        assertThrows(InvalidInputException.class, () -> model.layerCost(m, 0, 1, npu(Dataflow.WS, 64, 1, 1, 0)));
        assertThrows(InvalidInputException.class, () -> model.layerCost(m, 1, 0, npu(Dataflow.WS, 64, 1, 1, 0)));
    }

    @Test
    void theSampleTriNpuPlatformPricesEveryXrbenchModel() throws IOException {
        Platform p;
        try (InputStream in = AnalyticAcceleratorModel.class.getResourceAsStream("samples/tri-npu.json");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p = PlatformFiles.parse("tri-npu.json", r);
        }
        assertEquals(List.of(2048, 4096, 1024), p.accelerators().stream().map(Accelerator::peCount).toList());
        assertEquals(List.of(Dataflow.WS, Dataflow.OS, Dataflow.RS),
                p.accelerators().stream().map(Accelerator::dataflow).toList());
        // the copy under examples/ is the same file
        assertEquals(p, PlatformFiles.read(Path.of("../../examples/platforms/tri-npu.json")));
        assertTrue(Files.exists(Path.of("../../examples/platforms/npu-plus-h100.json")));
        XrbenchScenarioProvider xr = new XrbenchScenarioProvider();
        for (Model m : xr.load("xrbench/AR_Assistant").models()) {
            for (Accelerator a : p.accelerators()) {
                assertTrue(model.supports(a));
                long ns = 0;
                for (int i = 0; i < m.layers().size(); i++) {
                    ns += model.layerCost(m, 0, i, a).latencyNs();
                }
                assertTrue(ns > 0, m.id() + " on " + a.id());
            }
        }
    }
}
