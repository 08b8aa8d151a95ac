package org.rtmmlab.accelerator.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.json.PlatformFiles;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

class AnalyticAcceleratorModelTest {

    private final AnalyticAcceleratorModel model = new AnalyticAcceleratorModel();
    private final Layer conv3 = Layer.conv("c3", 1, 32, 32, 160, 100, 3, 3);

    private static Accelerator npu(Dataflow df, int pes, double noc, double offchip, long l2) {
        return Accelerator.builder("npu", "analytic").peCount(pes).dataflow(df).nocBandwidth(noc)
                .offchipBandwidth(offchip).l2Bytes(l2).build();
    }

    private static String text(ClusterLevel l) {
        return String.join(" ", java.util.Arrays.stream(l.dirs).map(Directive::toString).toList());
    }

    @Test
    void aShapeIsAnalysedOncePerSpecAndPricedAsAFreshModelWould() {
        Accelerator ws = npu(Dataflow.WS, 256, 64, 16, 1 << 20);
        Accelerator renamed = Accelerator.builder("other-name", "analytic").peCount(256).dataflow(Dataflow.WS)
                .nocBandwidth(64).offchipBandwidth(16).l2Bytes(1 << 20).build();
        Accelerator bigger = npu(Dataflow.WS, 1024, 64, 16, 1 << 20);
        Model a = Model.of("a", "", List.of(conv3, Layer.conv("same-shape", 1, 32, 32, 160, 100, 3, 3)));
        Model b = Model.of("b", "", List.of(Layer.conv("again", 1, 32, 32, 160, 100, 3, 3)));
        LayerCost first = model.layerCost(a, 0, 0, ws);
        assertEquals(first, model.layerCost(a, 0, 1, ws), "another layer of the same shape");
        assertEquals(first, model.layerCost(b, 0, 0, renamed), "another model and accelerator id, same spec");
        assertEquals(1, model.analysedShapes(), "one analysis so far");
        LayerCost onBigger = model.layerCost(b, 0, 0, bigger);
        assertEquals(2, model.analysedShapes(), "another spec is analysed");
        AnalyticAcceleratorModel fresh = new AnalyticAcceleratorModel();
        assertEquals(fresh.layerCost(b, 0, 0, bigger), onBigger);
        assertEquals(fresh.layerCost(a, 0, 0, ws), first);
        assertTrue(onBigger.latencyNs() < first.latencyNs(), onBigger + " vs " + first);
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
    void theBundledTemplatesAreXrbenchsDirectiveLists() {
        JsonNode costs = JsonNode.resource(MaestroValidation.class, "/" + MaestroValidation.CLASSPATH_DIR
                + "costs.json");
        int checked = 0;
        for (JsonNode acc : costs.get("accelerators").items()) {
            List<String> ours = DataflowTemplates.template(Dataflow.valueOf(acc.get("dataflow").string())).stream()
                    .map(Directive::toString).toList();
            List<String> theirs = acc.get("directives").items().stream().map(JsonNode::string).toList();
            assertEquals(theirs, ours, acc.get("id").string());
            checked++;
        }
        assertEquals(19, checked);
    }

    @Test
    void clusterLevelsFollowMaestrosCompletionRules() {
        Layer pw = Layer.conv("pw", 1, 64, 64, 56, 56, 1, 1);
        int[] dims = LayerDims.of(pw).dims();
        List<ClusterLevel> lv = DirectiveAnalysis.levels(DataflowTemplates.template(Dataflow.WS), 4096, dims,
                DirectiveAnalysis.HaloRule.MAESTRO);
        assertEquals(3, lv.size());
        assertEquals(List.of(16, 16, 16), lv.stream().map(l -> l.clusterSize).toList());
        // top: Y'/X' tiles of 1 widened by the level's 4 directives (MAESTRO's converter), R and S unrolled
        assertEquals("TemporalMap(16,16)C TemporalMap(16,16)K TemporalMap(4,1)Y SpatialMap(4,1)X TemporalMap(1,1)R "
                + "TemporalMap(1,1)S", text(lv.get(0)));
        // middle: parent's R, S inherited in front (last inherited first)
        assertEquals("TemporalMap(1,1)S TemporalMap(1,1)R SpatialMap(1,1)K TemporalMap(64,64)C TemporalMap(4,1)Y "
                + "TemporalMap(4,1)X", text(lv.get(1)));
        assertEquals("TemporalMap(4,1)X TemporalMap(4,1)Y TemporalMap(1,1)K TemporalMap(1,1)R TemporalMap(1,1)S "
                + "SpatialMap(1,1)C", text(lv.get(2)));
        assertEquals(16, lv.get(2).dims[Directive.Dim.C.ordinal()]);
        assertEquals(4, lv.get(2).dims[Directive.Dim.X.ordinal()]);
        List<ClusterLevel> physical = DirectiveAnalysis.levels(DataflowTemplates.template(Dataflow.WS), 4096, dims,
                DirectiveAnalysis.HaloRule.FILTER);
        assertEquals(1, physical.get(2).dims[Directive.Dim.X.ordinal()]);
    }

    @Test
    void aPointwiseLayerOnWsCostsSixteenCyclesPerTopLevelIteration() {
        // 4096 PEs: 16 clusters x 16 K-lanes x 16 C-lanes. Each PE computes a 4x4 output tile per step (the 1x1
        // filter over MAESTRO's 4x4 input tile): 16 cycles, more than the NoC needs. Top-level iterations:
        // 4 C tiles x 4 K tiles x 56 rows x 4 spatial folds of 56 columns over 16 clusters.
        Layer pw = Layer.conv("pw", 1, 64, 64, 56, 56, 1, 1);
        LayerEstimate e = model.estimate(pw, npu(Dataflow.WS, 4096, 256, 128, 4 << 20));
        assertEquals(16L * 4 * 4 * 56 * 4, e.onChipCycles());
        assertEquals(e.onChipCycles(), e.computeCycles());
        assertEquals(e.onChipCycles(), e.latencyCycles());
        assertEquals(pw.macs(), e.macs());
        assertEquals(pw.macs() / (4096.0 * e.computeCycles()), e.utilisation(), 1e-12);
        Accelerator physical = Accelerator.builder("npu", "analytic").peCount(4096).dataflow(Dataflow.WS)
                .nocBandwidth(256).offchipBandwidth(128).l2Bytes(4 << 20).attribute("haloRule", "filter").build();
        assertTrue(model.estimate(pw, physical).computeCycles() * 4 < e.computeCycles());
    }

    @Test
    void clusterSizesShrinkOnSmallArrays() {
        assertArrayEquals(new int[] {16, 16, 16}, DirectiveAnalysis.clusterSizes(List.of(16, 16), 4096));
        assertArrayEquals(new int[] {12, 16, 16}, DirectiveAnalysis.clusterSizes(List.of(16, 16), 3072 + 100));
        assertArrayEquals(new int[] {1, 6, 16}, DirectiveAnalysis.clusterSizes(List.of(16, 16), 100));
        assertArrayEquals(new int[] {1, 1, 3}, DirectiveAnalysis.clusterSizes(List.of(16, 4), 3));
    }

    @Test
    void aStridedLayerIsPricedAsTheStrideOneLayerWithTheSameOutput() {
        Layer strided = new Layer("s2", OpType.CONV, 1, 32, 16, 57, 57, 3, 3, 2, "s2");
        Layer same = Layer.conv("s1", 1, 32, 16, 30, 30, 3, 3); // 28 x 28 outputs, like the strided layer
        Accelerator a = npu(Dataflow.RS, 1024, 128, 16, 4 << 20);
        assertEquals(strided.macs(), same.macs());
        assertEquals(model.estimate(same, a).onChipCycles(), model.estimate(strided, a).onChipCycles());
    }

    @Test
    void aCustomDirectiveListReplacesTheTemplate() {
        // XRBench's unused "WS_RS_Dataflow" NVDLA variant: 64 K lanes x 64 C lanes
        Accelerator custom = Accelerator.builder("npu", "analytic").peCount(4096).dataflow(Dataflow.NONE)
                .nocBandwidth(256).offchipBandwidth(128).l2Bytes(4 << 20)
                .attribute("directives", "SpatialMap(1,1)K; TemporalMap(64,64)C; TemporalMap(1,1)Y'; "
                        + "TemporalMap(1,1)X'; Cluster(64,P); SpatialMap(1,1)C").build();
        assertTrue(model.supports(custom));
        LayerEstimate e = model.estimate(conv3, custom);
        assertTrue(e.latencyCycles() > 0 && e.energyPj() > 0);
        assertTrue(e.onChipCycles() != model.estimate(conv3, npu(Dataflow.WS, 4096, 256, 128, 4 << 20))
                .onChipCycles());
        for (String bad : new String[] {"TemporalMap(1,1)K; Cluster(4,P); SpatialMap(1,1)C", "SpatialMap(0,1)K",
                                        "SpatialMap(1,1)N", "Tile(4)K"}) {
            Accelerator b = Accelerator.builder("npu", "analytic").peCount(64).dataflow(Dataflow.WS)
                    .attribute("directives", bad).build();
            InvalidInputException ex = assertThrows(InvalidInputException.class, () -> model.estimate(conv3, b), bad);
            assertEquals("npu.attributes.directives", ex.path(), bad);
        }
        Accelerator badRule = Accelerator.builder("npu", "analytic").peCount(64).dataflow(Dataflow.WS)
                .attribute("haloRule", "exact").build();
        assertEquals("npu.attributes.haloRule",
                assertThrows(InvalidInputException.class, () -> model.estimate(conv3, badRule)).path());
    }

    @Test
    void narrowNocMakesTheLayerBandwidthBound() {
        LayerEstimate wide = model.estimate(conv3, npu(Dataflow.OS, 4096, 256, 128, 4 << 20));
        LayerEstimate narrow = model.estimate(conv3, npu(Dataflow.OS, 4096, 1, 128, 4 << 20));
        assertEquals(wide.computeCycles(), narrow.computeCycles());
        assertTrue(narrow.onChipCycles() > narrow.computeCycles());
        assertEquals(narrow.onChipCycles(), narrow.latencyCycles());
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
