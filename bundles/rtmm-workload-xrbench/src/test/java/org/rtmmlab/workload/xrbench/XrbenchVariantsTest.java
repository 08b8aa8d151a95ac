package org.rtmmlab.workload.xrbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.workload.xrbench.XrbenchVariants.ChannelRoles;

/** Width variants, the dynamic session and the width twins. */
class XrbenchVariantsTest {

    private final XrbenchScenarioProvider provider = new XrbenchScenarioProvider();

    @Test
    void widthRuleKeepsInputChannelsAndOutputAndSlicesTheFullTensors() {
        List<Layer> full = List.of(Layer.conv("a", 1, 10, 3, 8, 8, 3, 3), Layer.conv("b", 1, 7, 10, 6, 6, 1, 1),
                Layer.conv("c", 1, 5, 7, 6, 6, 1, 1));
        // K: 10 -> round(7.5) = 8, 7 -> round(5.25) = 5, last keeps 5; C: first keeps 3, 10 -> 8, 7 -> 5
        assertEquals(List.of(Layer.conv("a", 1, 8, 3, 8, 8, 3, 3), Layer.conv("b", 1, 5, 8, 6, 6, 1, 1),
                Layer.conv("c", 1, 5, 5, 6, 6, 1, 1)), XrbenchVariants.scale(full, 0.75));
        // 0.25: 10 -> round(2.5) = 3, 7 -> round(1.75) = 2; never below 1
        assertEquals(List.of(3, 2, 5), XrbenchVariants.scale(full, 0.25).stream().map(Layer::k).toList());
        assertEquals(1, XrbenchVariants.scaled(1, 0.25));
    }

    /** Every XRBench model by name, and the shipped widths and channel roles. */
    static final Map<String, Model> MODELS = XrbenchModels.parse(JsonNode.resource(XrbenchCatalog.class,
            XrbenchCatalog.MODELS));
    static final XrbenchVariants VARIANTS = XrbenchVariants.parse(JsonNode.resource(XrbenchCatalog.class,
            XrbenchVariants.RESOURCE), MODELS);

    private static Layer layer(Model m, int variant, String name) {
        return m.layersOf(variant).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void headsInTheMiddleOfAModelKeepTheirChannelsAtQuarterWidth() {
        // model, layer, full K (kept at w0.25); HT's 21 heatmaps are kept by the channel role, the rest by the rule
        Object[][] heads = {
                {"HT_hand_graph_cnn_half", "conv98", 21}, {"HT_hand_graph_cnn_half", "conv186", 21},
                {"HT_hand_graph_cnn_half", "fc6", 3},
                {"PD_Plane_RCNN_Quarter", "conv126", 6}, {"PD_Plane_RCNN_Quarter", "conv127", 12},
                {"PD_Plane_RCNN_Quarter", "fc1", 8}, {"PD_Plane_RCNN_Quarter", "conv135", 8},
                {"OD_D2go_FasterRCNN", "conv105", 15}, {"OD_D2go_FasterRCNN", "conv106", 60},
                {"OD_D2go_FasterRCNN", "fc1", 81}, {"OD_D2go_FasterRCNN", "fc2", 320},
                {"D2go_FastRCNN", "conv105", 15}};
        for (Object[] h : heads) {
            Model m = VARIANTS.widen(MODELS.get((String) h[0]));
            assertEquals("w0.25", m.variantId(3));
            assertEquals(h[2], layer(m, 0, (String) h[1]).k(), h[0] + " " + h[1] + " full");
            assertEquals(h[2], layer(m, 3, (String) h[1]).k(), h[0] + " " + h[1] + " kept at w0.25");
        }
        Model ht = VARIANTS.widen(MODELS.get("HT_hand_graph_cnn_half"));
        assertEquals(21, layer(ht, 3, "conv100").c(), "the next stack reads the 21 heatmaps");
        assertEquals(64, layer(ht, 3, "conv100").k(), "... and writes the scaled width 256 x 0.25");
        assertEquals(64 * 16, layer(ht, 3, "fc1").c(), "flatten of conv212 (K 256 -> 64, 4 x 4 outputs)");
        Model pd = VARIANTS.widen(MODELS.get("PD_Plane_RCNN_Quarter"));
        assertEquals(3, layer(pd, 3, "conv124").c(), "input-like layer keeps its 3 channels");
        assertEquals(16, layer(pd, 3, "conv124").k());
        assertEquals(128, layer(pd, 3, "conv125").k(), "RPN trunk 512 -> 128 feeding the 6/12-channel heads");
        // backbone: stem output, a residual block, a late block
        assertEquals(List.of(16, 16, 64), List.of(layer(ht, 3, "conv1").k(), layer(ht, 3, "conv2").c(),
                layer(ht, 3, "conv97").k()));
        assertEquals(List.of(16, 64, 512), List.of(layer(pd, 3, "conv2").k(), layer(pd, 3, "conv4").k(),
                layer(pd, 3, "conv97").k()));
        Model od = VARIANTS.widen(MODELS.get("OD_D2go_FasterRCNN"));
        assertEquals(List.of(4, 28, 50), List.of(layer(od, 3, "conv1").k(), layer(od, 3, "conv104").k(),
                layer(od, 3, "fc1").c()));
        Model asr = VARIANTS.widen(MODELS.get("ASR_EM_24L"));
        assertEquals(List.of(256, 128), List.of(layer(asr, 3, "fc2").k(), layer(asr, 3, "fc2").c()),
                "fused key/value projection 512 -> 2 x 512 scales by the channel role");
    }

    @Test
    void theBackboneScalesQuarterWidthCostsAboutASixteenthOfTheMacs() {
        // ideal w^2 = 0.0625; kept heads, inputs and untraceable tails add a little (0.063 .. 0.102), never much
        Map<String, Double> most = new LinkedHashMap<>();
        for (Model full : MODELS.values()) {
            Model m = VARIANTS.widen(full);
            double ratio = (double) m.layersOf(3).stream().mapToLong(Layer::macs).sum() / full.macs();
            most.put(full.id(), ratio);
            // AS_ED_TCN has 4 layers: its kept input (C 128) and output (K 64) are half of its layers
            double bound = full.id().equals("AS_ED_TCN") ? 0.19 : 0.11;
            assertTrue(ratio > 0.0625 - 1e-3 && ratio < bound, full.id() + " w0.25 MAC ratio " + ratio);
        }
        assertEquals(12, most.size());
    }

    @Test
    void everyWriterAndReaderOfAChannelCountAgreeOnItsWidth() {
        for (Model full : MODELS.values()) {
            Model m = VARIANTS.widen(full);
            List<Layer> f = full.layers();
            for (int v = 1; v < m.variantCount(); v++) {
                List<Layer> w = m.layersOf(v);
                for (int j = 0; j < f.size(); j++) {
                    for (int i = 0; i < j; i++) {
                        if (f.get(i).k() == f.get(j).c()) {
                            assertEquals(w.get(i).k(), w.get(j).c(), full.id() + " " + m.variantId(v) + ": "
                                    + f.get(i).name() + " writes " + f.get(i).k() + " channels read by " + f.get(j).name());
                        }
                    }
                }
            }
        }
    }

    /** Which layers keep their K / C under the rule and the shipped channel roles (the rest scale). */
    @Test
    void keptChannelsPerModel() {
        Map<String, List<List<String>>> expected = new LinkedHashMap<>();
        expected.put("KD_res8_narrow", List.of(List.of("fc1(12)"), List.of("conv1(1)")));
        expected.put("ASR_EM_24L", List.of(List.of("fc120(512)"), List.of("fc1(512)")));
        expected.put("SS_HRViT_b1", List.of(List.of("fc211(1000)"), List.of("conv1(3)")));
        expected.put("DE_midas_v21_small", List.of(List.of("conv92(1)"), List.of("conv1(32)")));
        expected.put("PD_Plane_RCNN_Quarter", List.of(List.of("conv123(1)", "conv126(6)", "conv127(12)", "fc1(8)",
                "fc2(32)", "fc3(24)", "conv135(8)", "conv136(32)", "conv142(32)", "conv144(1)", "conv146(32)",
                "conv148(1)", "conv150(1)"), List.of("conv1(3)", "conv124(3)", "conv128(320)", "conv136(10)")));
        expected.put("OD_D2go_FasterRCNN", List.of(List.of("conv105(15)", "conv106(60)", "fc1(81)", "fc2(320)"),
                List.of("conv1(3)")));
        expected.put("HT_hand_graph_cnn_half", List.of(List.of("conv98(21)", "conv186(21)", "fc2(5120)", "fc3(64)",
                "fc4(32)", "fc5(32)", "fc6(3)", "fc7(32)", "fc8(32)", "fc9(64)", "fc10(64)", "fc12(20)"),
                List.of("conv1(3)", "conv100(21)", "conv187(21)", "fc3(192)", "fc4(192)", "fc5(96)", "fc6(96)",
                        "fc7(9)", "fc8(96)", "fc9(96)", "fc10(192)")));
        expected.put("ES_RITNet", List.of(List.of("conv42(32)"), List.of("conv1(32)")));
        expected.put("GE_FBNet_C", List.of(List.of("conv63(1000)"), List.of("conv1(3)")));
        expected.put("D2go_FastRCNN", expected.get("OD_D2go_FasterRCNN"));
        expected.put("DR_RGBd_200", List.of(List.of("conv34(1)"), List.of("conv1(4)")));
        expected.put("AS_ED_TCN", List.of(List.of("conv4(64)"), List.of("conv1(128)")));
        Map<String, List<List<String>>> actual = new LinkedHashMap<>();
        for (Model m : MODELS.values()) {
            XrbenchVariants.Plan p = XrbenchVariants.plan(m.layers(), VARIANTS.roles(m.id()));
            actual.put(m.id(), List.of(p.keptK(m.layers()), p.keptC(m.layers())));
        }
        assertEquals(expected, actual);
    }

    @Test
    void ruleOnASmallGraphWithABranchHeadAnInputLikeLayerAFlattenAndRoles() {
        List<Layer> full = List.of(
                Layer.conv("stem", 1, 8, 3, 10, 10, 3, 3),   // C 3 network input: kept; K 8 read later: scaled
                Layer.conv("head", 1, 5, 8, 8, 8, 1, 1),     // K 5 read by nobody: a mid-list head, kept
                Layer.conv("aux", 1, 16, 2, 8, 8, 1, 1),     // C 2 written by nobody: input-like, kept
                Layer.conv("mix", 1, 16, 16, 8, 8, 3, 3),    // K = C: scaled together
                Layer.conv("body", 1, 4, 8, 8, 8, 1, 1),     // C 8 (stem's): scaled; K 4 read by pool: scaled
                Layer.conv("pool", 1, 4, 4, 5, 5, 3, 3),     // 4 -> 2; output 3 x 3, flattened by fc
                new Layer("fc", OpType.FC, 1, 7, 36, 1, 1, 1, 1, 1, null)); // C 36 = 4 x 3 x 3 -> 2 x 9; K kept
        List<Layer> half = XrbenchVariants.scale(full, 0.5);
        // aux's K 16 is read by mix (C 16), so it scales although aux reads a kept input
        assertEquals(List.of(4, 5, 8, 8, 2, 2, 7), half.stream().map(Layer::k).toList());
        assertEquals(List.of(3, 4, 2, 8, 4, 2, 18), half.stream().map(Layer::c).toList());
        // roles: keep 8 everywhere (stem K, head C, body C); scale 7 (fc is last, so its K still stays)
        List<Layer> roles = XrbenchVariants.scale(full, 0.5, new ChannelRoles(Set.of(8), Set.of(7)));
        assertEquals(List.of(8, 5, 8, 8, 2, 2, 7), roles.stream().map(Layer::k).toList());
        assertEquals(List.of(3, 8, 2, 8, 8, 2, 18), roles.stream().map(Layer::c).toList());
        // a depthwise layer keeps C = K, and keeps both as the first layer
        List<Layer> dw = List.of(new Layer("d0", OpType.DWCONV, 1, 4, 4, 8, 8, 3, 3, 1, null),
                Layer.conv("p", 1, 8, 4, 6, 6, 1, 1), new Layer("d1", OpType.DWCONV, 1, 8, 8, 6, 6, 3, 3, 1, null),
                Layer.conv("o", 1, 3, 8, 4, 4, 1, 1));
        List<Layer> dwHalf = XrbenchVariants.scale(dw, 0.5);
        assertEquals(List.of(4, 4, 4, 3), dwHalf.stream().map(Layer::k).toList());
        assertEquals(List.of(4, 4, 4, 4), dwHalf.stream().map(Layer::c).toList());
    }

    /** Each row: the {@code channels} member of a variants.json, expected JSON path and reason (prefix). */
    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"Nope": {"keep": [3], "reason": "r"}}                       | $.channels.Nope                | unknown model 'Nope'; models: KD_res8_narrow,
            {"GE_FBNet_C": {"keep": [7], "reason": "r"}}                 | $.channels.GE_FBNet_C.keep[0]  | no layer of this model has 7 input or output channels
            {"GE_FBNet_C": {"keep": [3]}}                                | $.channels.GE_FBNet_C          | missing member 'reason'
            {"GE_FBNet_C": {"keep": [3], "reason": " "}}                 | $.channels.GE_FBNet_C.reason   | must say why the layer list alone gets these channels wrong
            {"GE_FBNet_C": {"keep": [16], "scale": [16], "reason": "r"}} | $.channels.GE_FBNet_C.scale    | channel count 16 is listed under both keep and scale
            {"GE_FBNet_C": {"kept": [16], "reason": "r"}}                | $.channels.GE_FBNet_C.kept     | unknown key; allowed: keep, reason, scale
            {"GE_FBNet_C": {"scale": [1.5], "reason": "r"}}              | $.channels.GE_FBNet_C.scale[0] | expected an integer
            """)
    void malformedChannelRolesNameFilePathAndReason(String channels, String path, String reason) {
        String json = "{\"_source\": \"s\", \"fullTop1\": 70.6, \"widths\": [{\"id\": \"w0.5\","
                + " \"multiplier\": 0.5, \"top1\": 63.7}], \"channels\": " + channels + "}";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> XrbenchVariants.parse(JsonNode.parse(XrbenchVariants.RESOURCE, new StringReader(json)), MODELS));
        assertSame(InvalidInputException.class, e.getClass());
        assertEquals(XrbenchVariants.RESOURCE, e.source());
        assertEquals(path, e.path());
        assertTrue(e.reason().startsWith(reason), () -> "reason: " + e.reason());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertNull(e.getCause());
    }

    @Test
    void widthTwinsCarryMobileNetAccuracyRatiosAndSharedWeightIds() {
        Model es = provider.load("xrbench/width/VR_gaming").model("ES_RITNet");
        Model plain = provider.load("xrbench/VR_gaming").model("ES_RITNet");
        assertEquals(plain.layers(), es.layers());
        assertEquals(List.of("full", "w0.75", "w0.5", "w0.25"), List.of(es.variantId(0), es.variantId(1),
                es.variantId(2), es.variantId(3)));
        // Howard et al. 2017 (arXiv:1704.04861) Table 6: 70.6 / 68.4 / 63.7 / 50.6 % top-1
        assertEquals(68.4 / 70.6, es.accuracyOf(1), 1e-12);
        assertEquals(63.7 / 70.6, es.accuracyOf(2), 1e-12);
        assertEquals(50.6 / 70.6, es.accuracyOf(3), 1e-12);
        assertTrue(es.variants().get(0).source().contains("arXiv:1704.04861"));
        for (int v = 1; v < es.variantCount(); v++) {
            List<Layer> layers = es.layersOf(v);
            assertEquals(plain.layers().size(), layers.size());
            for (int i = 0; i < layers.size(); i++) {
                assertEquals(plain.layers().get(i).weightId(), layers.get(i).weightId());
                assertTrue(layers.get(i).weightElements() <= plain.layers().get(i).weightElements());
            }
            assertEquals(plain.layers().get(0).c(), layers.get(0).c(), "input channels kept");
            assertEquals(plain.layers().get(layers.size() - 1).k(), layers.get(layers.size() - 1).k(), "output kept");
        }
        assertTrue(es.layersOf(2).stream().mapToLong(Layer::macs).sum() < es.macs() / 3, "half width ~ quarter MACs");
    }

    @Test
    void referenceScenariosStayWithoutVariants() {
        for (ScenarioProvider.Info info : provider.scenarios()) {
            Scenario s = provider.load(info.id());
            boolean width = info.id().startsWith("xrbench/width/") || info.id().startsWith("xrbench/steps/");
            for (Model m : s.models()) {
                assertEquals(width ? 4 : 1, m.variantCount(), info.id() + " " + m.id());
            }
        }
    }

    @Test
    void dynamicSessionHasItsTimeline() {
        Scenario s = provider.load("xrbench/session_dynamic");
        assertEquals(10_000_000_000L, s.defaultDurationNs());
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C", "HT_hand_graph_cnn_half", "DR_RGBd_200", "AS_ED_TCN"),
                s.tasks().stream().map(Task::id).toList());
        assertEquals(new Task("HT_hand_graph_cnn_half", "HT_hand_graph_cnn_half", 22_222_222L, 22_222_222L, 0, 0, 1,
                null, 0.1, true), s.tasks().get(2));
        assertEquals(List.of(false, false), List.of(s.tasks().get(3).active(), s.tasks().get(4).active()));
        assertEquals(7, s.events().size());
        assertEquals(new ScenarioEvent(3_000_000_000L, ScenarioEvent.Kind.SET_PROBABILITY, "HT_hand_graph_cnn_half",
                1.0), s.events().get(1));
        assertEquals(new ScenarioEvent(5_000_000_000L, ScenarioEvent.Kind.SET_PERIOD, "HT_hand_graph_cnn_half",
                33_333_333), s.events().get(4));
        assertEquals(new ScenarioEvent(8_000_000_000L, ScenarioEvent.Kind.STOP, "AS_ED_TCN", 0), s.events().get(5));
        assertEquals(provider.load("xrbench/VR_gaming").model("ES_RITNet"), s.model("ES_RITNet"));
        Scenario twin = provider.load("xrbench/width/session_dynamic");
        assertEquals(s.tasks(), twin.tasks());
        assertEquals(s.events(), twin.events());
    }
}
