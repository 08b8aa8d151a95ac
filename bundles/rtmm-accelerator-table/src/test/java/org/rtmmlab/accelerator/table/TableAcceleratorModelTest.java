package org.rtmmlab.accelerator.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Variant;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

class TableAcceleratorModelTest {

    private final TableAcceleratorModel table = new TableAcceleratorModel();
    private final Scenario vr = new XrbenchScenarioProvider().load("xrbench/VR_gaming");

    @Test
    void serviceLoaderFindsTheModel() {
        List<String> ids = new ArrayList<>();
        for (AcceleratorModel m : ServiceLoader.load(AcceleratorModel.class)) {
            ids.add(m.id());
        }
        assertTrue(ids.contains("table"), ids.toString());
    }

    @Test
    void offersTheTwentySixFigureFivePlatforms() {
        // the 26 XRBench settings come first; measured/h100 follows them (MeasuredH100Test)
        List<Platform> platforms = table.platforms().subList(0, 26);
        assertEquals(26, platforms.size());
        List<String> ids = platforms.stream().map(Platform::id).toList();
        assertEquals("xrbench/Single_4K__WS", ids.get(0));
        assertEquals("xrbench/Quad_8K__WS_OS_WS_OS", ids.get(25));
        assertTrue(ids.contains("xrbench/Dual_8K_BigLittle__WS_OS"), ids.toString());
        assertTrue(ids.contains("xrbench/Dual_4K__WS_OS"), ids.toString());
        assertEquals(26, ids.stream().distinct().count());
        for (Platform p : platforms) {
            for (int i = 0; i < p.accelerators().size(); i++) {
                Accelerator a = p.accelerators().get(i);
                assertEquals("acc" + i, a.id());
                assertEquals(AcceleratorKind.NPU, a.kind());
                assertEquals("table", a.costModel());
                assertEquals(1e9, a.clockHz());
                assertEquals(0, a.idlePowerW());
                assertEquals(1, a.partitions());
                assertTrue(table.supports(a), p.id() + "/" + a.id());
            }
        }
        assertSame(table.platforms(), table.platforms());
        assertEquals(27, table.platforms().size());
    }

    @Test
    void singleFourKWsIsOneWeightStationaryArray() {
        Platform p = platform("xrbench/Single_4K__WS");
        assertEquals("XRBench style A (4K PEs): 1x pe4096_bw256_WS", p.description());
        Accelerator a = p.accelerators().get(0);
        assertEquals(1, p.accelerators().size());
        assertEquals(4096, a.peCount());
        assertEquals(Dataflow.WS, a.dataflow());
        assertEquals(256, a.nocBandwidth());
        assertEquals("pe4096_bw256_WS", a.attribute("table", null));
        assertEquals(8192, a.l1Bytes());
        assertEquals(4_194_304, a.l2Bytes());
        assertEquals("XRBench style D (4K PEs): 2x pe2048_bw128_WS", platform("xrbench/Dual_4K__WS_WS").description());
        assertEquals("XRBench style M (8K PEs): 1x pe2048_bw256_WS + 1x pe2048_bw256_OS + 1x pe2048_bw256_WS"
                + " + 1x pe2048_bw256_OS", platform("xrbench/Quad_8K__WS_OS_WS_OS").description());
    }

    @Test
    void dualEightKLittleBigListsTheLittleAcceleratorFirst() {
        Platform p = platform("xrbench/Dual_8K_LittleBig__WS_OS");
        assertEquals(2, p.accelerators().size());
        assertEquals(2048, p.accelerators().get(0).peCount());
        assertEquals(Dataflow.WS, p.accelerators().get(0).dataflow());
        assertEquals(6144, p.accelerators().get(1).peCount());
        assertEquals(Dataflow.OS, p.accelerators().get(1).dataflow());
        Platform big = platform("xrbench/Dual_8K_BigLittle__WS_OS");
        assertEquals(6144, big.accelerators().get(0).peCount());
        assertEquals(2048, big.accelerators().get(1).peCount());
    }

    @Test
    void singleFourKWsTotalsMatchTheCommittedXrbenchSchedule() {
        Accelerator a = platform("xrbench/Single_4K__WS").accelerators().get(0);
        assertTotals(vr.model("ES_RITNet"), a, 1_503_136L, 35.3297);
        assertTotals(vr.model("GE_FBNet_C"), a, 4_222_037L, 34.9222);
        assertTotals(vr.model("HT_hand_graph_cnn_half"), a, 8_561_680L, 207.4333);
        LayerCost first = table.layerCost(vr.model("ES_RITNet"), 0, 0, a);
        assertEquals(new LayerCost(159_264L, 3_694_611.96864 * 1000), first);
    }

    @Test
    void tablesHold1439LayersOnNineteenAccelerators() {
        assertEquals(19, TableData.shared().tables().size());
        for (CostTable t : TableData.shared().tables().values()) {
            assertEquals(1439, t.layerCount(), t.id());
        }
        int priced = 0;
        for (ScenarioProvider.Info info : new XrbenchScenarioProvider().scenarios()) {
            Scenario s = new XrbenchScenarioProvider().load(info.id());
            for (Platform p : List.of(platform("xrbench/Quad_4K__WS_OS_WS_OS"), platform("xrbench/Dual_8K__RS_RS"))) {
                for (Model m : s.models()) {
                    for (int i = 0; i < m.layers().size(); i++) {
                        for (Accelerator a : p.accelerators()) {
                            assertTrue(table.layerCost(m, 0, i, a).latencyNs() > 0);
                            priced++;
                        }
                    }
                }
            }
        }
        assertTrue(priced > 10_000, "priced " + priced);
    }

    @Test
    void unknownModelsAndVariantsFallBackToALayerWithTheSameShape() {
        Accelerator a = platform("xrbench/Dual_4K__WS_OS").accelerators().get(1);
        Model es = vr.model("ES_RITNet");
        Model ge = vr.model("GE_FBNet_C");
        Model copy = new Model("MyEyeNet", "", es.layers(), List.of(new Variant("ge", 0.9, ge.layers(), "")));
        for (int i = 0; i < es.layers().size(); i++) {
            assertEquals(table.layerCost(es, 0, i, a), table.layerCost(copy, 0, i, a));
        }
        for (int i = 0; i < ge.layers().size(); i++) {
            assertEquals(table.layerCost(ge, 0, i, a), table.layerCost(copy, 1, i, a));
        }
        // a table model whose layer has another shape is priced by shape, not by position
        Model reordered = Model.of("ES_RITNet", "", List.of(es.layers().get(1), es.layers().get(0)));
        assertEquals(table.layerCost(es, 0, 1, a), table.layerCost(reordered, 0, 0, a));
    }

    @Test
    void aLayerWithoutAnyMatchingShapeIsAClearError() {
        Accelerator a = platform("xrbench/Single_4K__WS").accelerators().get(0);
        Model odd = Model.of("Odd", "", List.of(Layer.conv("weird", 1, 7, 7, 7, 7, 7, 7)));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> table.layerCost(odd, 0, 0, a));
        assertEquals("table", e.source());
        assertEquals("pe4096_bw256_WS/Odd/weird", e.path());
        assertTrue(e.reason().contains("no cost entry"), e.reason());
    }

    @Test
    void unknownTableIsRejectedWithTheKnownIds() {
        Accelerator bad = Accelerator.builder("acc0", "table").peCount(4096).attribute("table", "pe9_bw1_WS").build();
        assertFalse(table.supports(bad));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> table.layerCost(vr.model("ES_RITNet"), 0, 0, bad));
        assertTrue(e.getMessage().contains("unknown cost table 'pe9_bw1_WS'"), e.getMessage());
        assertTrue(e.getMessage().contains("pe4096_bw256_WS"), e.getMessage());
        Accelerator none = Accelerator.builder("acc0", "table").peCount(4096).build();
        assertFalse(table.supports(none));
        assertThrows(InvalidInputException.class, () -> table.layerCost(vr.model("ES_RITNet"), 0, 0, none));
        Accelerator other = Accelerator.builder("acc0", "analytic").attribute("table", "pe4096_bw256_WS").build();
        assertFalse(table.supports(other));
    }

    @Test
    void anotherClockScalesTheCycleCount() {
        Accelerator fast = Accelerator.builder("acc0", "table").clockHz(2e9).attribute("table", "pe4096_bw256_WS")
                .build();
        LayerCost c = table.layerCost(vr.model("ES_RITNet"), 0, 0, fast);
        assertEquals(79_632L, c.latencyNs());
        assertEquals(3_694_611.96864 * 1000, c.energyPj());
    }

    @Test
    void streamedTablesEqualTheTablesOfTheWholeDocument() {
        // the shared data reads one accelerator's cost lists at a time, skipping the rest of costs.json unparsed
        JsonNode models = JsonNode.resource(TableData.class, TableData.MODELS);
        TableData whole = TableData.of(models, JsonNode.resource(TableData.class, TableData.COSTS));
        var shapes = TableData.shapes(models);
        assertEquals(List.copyOf(whole.tables().keySet()), List.copyOf(TableData.shared().tables().keySet()));
        int compared = 0;
        for (CostTable w : whole.tables().values()) {
            CostTable s = TableData.shared().table(w.id());
            assertEquals(List.of(w.numPes(), w.nocBandwidth(), w.dataflow(), w.layerCount()),
                    List.of(s.numPes(), s.nocBandwidth(), s.dataflow(), s.layerCount()), w.id());
            for (String m : w.models()) {
                List<LayerKey> keys = shapes.get(m);
                for (int i = 0; i < keys.size(); i++) {
                    assertEquals(w.find(m, 0, i, keys.get(i)), s.find(m, 0, i, keys.get(i)), w.id() + " " + m + " " + i);
                    compared++;
                }
            }
        }
        assertTrue(compared > 19 * 100, "compared " + compared);
    }

    @Test
    void streamedCostListsNameTheirPath() {
        String costs = "{\"accelerators\":[],\"costs\":{\"a\":{\"M\":[[1,2]]},\"b\":{\"M\":[[3,4],[5]]}}}";
        assertEquals("$.costs.a", TableData.costsOf(costs, "a").path());
        assertEquals(List.of(3L, 5L), List.of(TableData.costsOf(costs, "b").get("M").items().get(0).items().get(0)
                .integer(), TableData.costsOf(costs, "b").get("M").items().get(1).items().get(0).integer()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TableData.costsOf(costs, "c"));
        assertEquals("$.costs", e.path());
        assertTrue(e.reason().contains("'c'"), e.reason());
        String twice = costs.replace("\"b\":{", "\"a\":{");
        e = assertThrows(InvalidInputException.class, () -> TableData.costsOf(twice, "a"));
        assertEquals("$.costs.a", e.path());
        assertTrue(e.reason().contains("duplicate"), e.reason());
        e = assertThrows(InvalidInputException.class, () -> TableData.costsOf(costs.replace("[[1,2]]", "[[1,2"),
                "b"));
        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
    }

    @Test
    void malformedCostDataNamesResourceAndPath() {
        String models = "{\"models\":{\"M\":{\"layers\":[{\"name\":\"l0\",\"type\":\"CONV\",\"N\":1,\"K\":4,\"C\":1,"
                + "\"Y\":1,\"X\":1,\"R\":1,\"S\":1}]}}}";
        String costs = "{\"accelerators\":[{\"id\":\"t\",\"num_pes\":4,\"noc_bw\":[2],\"dataflow\":\"WS\"}],"
                + "\"config_map\":{},\"costs\":{\"t\":{\"M\":[[10,1.5],[3,1]]}}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TableData.of(
                JsonNode.parse(TableData.MODELS, new StringReader(models)),
                JsonNode.parse(TableData.COSTS, new StringReader(costs))));
        assertEquals("costs.json", e.source());
        assertEquals("$.costs.t.M", e.path());
        String ok = costs.replace(",[3,1]]", "]");
        TableData d = TableData.of(JsonNode.parse(TableData.MODELS, new StringReader(models)),
                JsonNode.parse(TableData.COSTS, new StringReader(ok)));
        assertEquals(1, d.tables().get("t").layerCount());
        String negative = ok.replace("[[10,1.5]]", "[[-10,1.5]]");
        e = assertThrows(InvalidInputException.class, () -> TableData.of(
                JsonNode.parse(TableData.MODELS, new StringReader(models)),
                JsonNode.parse(TableData.COSTS, new StringReader(negative))));
        assertEquals("$.costs.t.M[0]", e.path());
    }

    private void assertTotals(Model m, Accelerator a, long ns, double mj) {
        long latency = 0;
        double energyPj = 0;
        for (int i = 0; i < m.layers().size(); i++) {
            LayerCost c = table.layerCost(m, 0, i, a);
            latency += c.latencyNs();
            energyPj += c.energyPj();
        }
        assertEquals(ns, latency, m.id());
        assertEquals(mj, energyPj / 1e9, 5e-5, m.id());
    }

    private Platform platform(String id) {
        return table.platforms().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no platform " + id));
    }
}
