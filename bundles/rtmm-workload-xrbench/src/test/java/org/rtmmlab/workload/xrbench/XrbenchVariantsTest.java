package org.rtmmlab.workload.xrbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;

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
            boolean width = info.id().startsWith("xrbench/width/");
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
