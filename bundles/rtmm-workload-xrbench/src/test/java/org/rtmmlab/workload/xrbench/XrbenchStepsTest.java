package org.rtmmlab.workload.xrbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.workload.xrbench.XrbenchVariants.ChannelRoles;

/** FLOPs-step variants: equal MAC steps per model, private heads, interpolated accuracy, the steps twins. */
class XrbenchStepsTest {

    static final XrbenchSteps STEPS = XrbenchSteps.parse(JsonNode.resource(XrbenchCatalog.class,
            XrbenchSteps.RESOURCE));

    @Test
    void everyXrbenchModelHitsEachLevelsFlopsFractionWithinTheTolerance() {
        assertEquals(4, STEPS.levels());
        // a uniform multiplier moves a 19-channel model (KD_res8_narrow) in steps of about 5% of its MACs
        assertEquals(0.03, STEPS.tolerance());
        for (Model m : XrbenchVariantsTest.MODELS.values()) {
            Model stepped = STEPS.step(m, XrbenchVariantsTest.VARIANTS.roles(m.id()));
            assertEquals(List.of("full", "s0.75", "s0.5", "s0.25"),
                    List.of(stepped.variantId(0), stepped.variantId(1), stepped.variantId(2), stepped.variantId(3)));
            double full = XrbenchSteps.macs(m.layers());
            StringBuilder line = new StringBuilder(m.id());
            for (int v = 1; v < 4; v++) {
                double target = (4.0 - v) / 4;
                double f = XrbenchSteps.macs(stepped.layersOf(v)) / full;
                assertEquals(target, f, STEPS.tolerance(), m.id() + " " + stepped.variantId(v));
                // models whose channel counts are all large land much closer than the stated tolerance
                if (!Set.of("KD_res8_narrow", "ES_RITNet").contains(m.id())) {
                    assertEquals(target, f, 0.006, m.id() + " " + stepped.variantId(v));
                }
                line.append(String.format(" %s=%.4f", stepped.variantId(v), f));
            }
            long fullWeights = 0;
            for (Layer l : m.layers()) {
                fullWeights += l.weightElements();
            }
            long heads = 0;
            for (int v = 1; v < 4; v++) {
                for (Layer l : stepped.layersOf(v)) {
                    heads += l.weightId().contains("@") ? l.weightElements() : 0;
                }
            }
            line.append(String.format(" weights %d, private heads of s0.75..s0.25 %d (%.1f%%)", fullWeights, heads,
                    100.0 * heads / fullWeights));
            System.out.println(line);
        }
    }

    @Test
    void headsThatReadANarrowedInputArePrivateToTheirLevelAndEverythingElseIsASlice() {
        // a (3 -> 100) and b (100 -> 70) are widths; c (70 -> 5) is the output head: K kept, C narrowed
        List<Layer> full = List.of(Layer.conv("a", 1, 100, 3, 8, 8, 3, 3), Layer.conv("b", 1, 70, 100, 6, 6, 1, 1),
                Layer.conv("c", 1, 5, 70, 6, 6, 1, 1));
        Model m = STEPS.step(Model.of("toy", "toy", full), ChannelRoles.NONE);
        for (int v = 1; v < m.variantCount(); v++) {
            List<Layer> layers = m.layersOf(v);
            assertEquals("a", layers.get(0).weightId());
            assertEquals("b", layers.get(1).weightId());
            assertEquals("c@" + m.variantId(v), layers.get(2).weightId());
            assertEquals(5, layers.get(2).k(), "the head keeps its outputs");
        }
    }

    @Test
    void solvedMultiplierOnAHandComputableChain() {
        // two 1x1 layers on 1x1 maps: a (C 1 -> K 100, MACs 100 w) and b (100 -> 1, MACs 100 w): MACs fall linearly
        List<Layer> full = List.of(Layer.conv("a", 1, 100, 1, 1, 1, 1, 1), Layer.conv("b", 1, 1, 100, 1, 1, 1, 1));
        List<XrbenchSteps.Level> levels = STEPS.solve(Model.of("chain", "t", full), ChannelRoles.NONE);
        assertEquals(3, levels.size());
        // target 0.75 -> K' = 75 exactly; 0.5 -> 50; 0.25 -> 25
        assertEquals(0.75, levels.get(0).fraction(), 1e-12);
        assertEquals(0.5, levels.get(1).fraction(), 1e-12);
        assertEquals(0.25, levels.get(2).fraction(), 1e-12);
        assertEquals(75, XrbenchVariants.scaled(100, levels.get(0).multiplier()));
    }

    @Test
    void modelThatCannotReachALevelIsAnInputErrorNamingModelAndLevel() {
        // b reads a count nobody writes (C kept) and is last (K kept): its MACs never fall, the model cannot reach 0.75
        List<Layer> full = List.of(Layer.conv("a", 1, 8, 3, 1, 1, 1, 1), Layer.conv("b", 1, 1000, 500, 1, 1, 1, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> STEPS.solve(Model.of("heavyhead", "t", full), ChannelRoles.NONE));
        assertTrue(e.getMessage().contains("heavyhead") && e.getMessage().contains("s0."), e.getMessage());
    }

    @Test
    void accuracyIsTheMobileNetCurveInterpolatedByFlops() {
        // Howard et al. Table 6: 569/325/149/41 M mult-adds at 70.6/68.4/63.7/50.6 % top-1
        assertEquals(1.0, STEPS.accuracyAt(1.0), 1e-12);
        assertEquals(68.4 / 70.6, STEPS.accuracyAt(325.0 / 569), 1e-12);
        double f = 0.5;
        double t = (f - 149.0 / 569) / (325.0 / 569 - 149.0 / 569);
        assertEquals((63.7 + t * (68.4 - 63.7)) / 70.6, STEPS.accuracyAt(f), 1e-12);
        assertTrue(STEPS.accuracyAt(0.25) < STEPS.accuracyAt(0.5) && STEPS.accuracyAt(0.5) < STEPS.accuracyAt(0.75));
        assertEquals("s0.333", XrbenchSteps.id(1.0 / 3));
        assertEquals("s0.5", XrbenchSteps.id(0.5));
    }

    @Test
    void malformedStepsFileNamesThePath() {
        String curve = "\"curve\": [{\"multiplier\": 1.0, \"millionMultAdds\": 569, \"top1\": 70.6},"
                + " {\"multiplier\": 0.25, \"millionMultAdds\": 41, \"top1\": 50.6}]";
        InvalidInputException levels = assertThrows(InvalidInputException.class, () -> XrbenchSteps.parse(
                JsonNode.parse("steps.json", new StringReader("{\"_source\": \"x\", \"levels\": 20,"
                        + " \"tolerance\": 0.01, " + curve + "}"))));
        assertTrue(levels.getMessage().contains("levels"), levels.getMessage());
        InvalidInputException tol = assertThrows(InvalidInputException.class, () -> XrbenchSteps.parse(
                JsonNode.parse("steps.json", new StringReader("{\"_source\": \"x\", \"levels\": 4,"
                        + " \"tolerance\": 0, " + curve + "}"))));
        assertTrue(tol.getMessage().contains("tolerance"), tol.getMessage());
    }

    @Test
    void stepsTwinsHavePrivateHeadsPerLevelAndSharedSlices() {
        XrbenchScenarioProvider provider = new XrbenchScenarioProvider();
        Scenario twin = provider.load("xrbench/steps/VR_gaming");
        Scenario plain = provider.load("xrbench/VR_gaming");
        assertEquals(plain.tasks(), twin.tasks());
        for (Model m : twin.models()) {
            assertEquals(4, m.variantCount(), m.id());
            Set<String> fullIds = new HashSet<>();
            m.layers().forEach(l -> fullIds.add(l.weightId()));
            int privates = 0;
            for (Layer l : m.layersOf(3)) {
                if (l.weightId().endsWith("@s0.25")) {
                    privates++;
                    assertFalse(fullIds.contains(l.weightId()));
                } else {
                    assertTrue(fullIds.contains(l.weightId()), m.id() + " " + l.name());
                }
            }
            assertTrue(privates >= 1, m.id() + " has a private head");
        }
    }
}
