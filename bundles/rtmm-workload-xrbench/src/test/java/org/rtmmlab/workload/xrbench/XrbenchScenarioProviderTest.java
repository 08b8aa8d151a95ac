package org.rtmmlab.workload.xrbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;

class XrbenchScenarioProviderTest {

    private final XrbenchScenarioProvider provider = new XrbenchScenarioProvider();

    @Test
    void serviceLoaderFindsTheProvider() {
        List<String> ids = new ArrayList<>();
        for (ScenarioProvider p : ServiceLoader.load(ScenarioProvider.class)) {
            ids.add(p.id());
        }
        assertTrue(ids.contains("xrbench"), ids.toString());
    }

    @Test
    void offersTheElevenReferenceScenariosFirstInDocumentOrder() {
        List<String> ids = provider.scenarios().stream().map(ScenarioProvider.Info::id).toList();
        assertEquals(List.of("xrbench/AR_Assistant", "xrbench/AR_gaming", "xrbench/VR_gaming",
                "xrbench/outdoor_activity_A", "xrbench/outdoor_activity_B", "xrbench/social_interactionA",
                "xrbench/social_interactionB", "xrbench/VR_gaming_100p", "xrbench/VR_gaming_25p",
                "xrbench/VR_gaming_50p", "xrbench/VR_gaming_75p", "xrbench/session_dynamic",
                "xrbench/width/AR_Assistant", "xrbench/width/AR_gaming", "xrbench/width/VR_gaming",
                "xrbench/width/outdoor_activity_A", "xrbench/width/outdoor_activity_B",
                "xrbench/width/social_interactionA", "xrbench/width/social_interactionB",
                "xrbench/width/session_dynamic",
                "xrbench/steps/AR_Assistant", "xrbench/steps/AR_gaming", "xrbench/steps/VR_gaming",
                "xrbench/steps/outdoor_activity_A", "xrbench/steps/outdoor_activity_B",
                "xrbench/steps/social_interactionA", "xrbench/steps/social_interactionB",
                "xrbench/steps/session_dynamic"), ids);
        for (ScenarioProvider.Info info : provider.scenarios().subList(0, 11)) {
            Scenario s = provider.load(info.id());
            assertEquals(info.id(), s.id());
            assertEquals(info.description(), s.description());
            assertFalse(s.description().contains("\n"));
            assertEquals(700_000_000L, s.defaultDurationNs());
            assertTrue(s.events().isEmpty());
        }
    }

    @Test
    void vrGamingHasThreeTasksWithXrbenchPeriodsAndTheGazeCascade() {
        Scenario s = provider.load("xrbench/VR_gaming");
        assertEquals("XRBench VR_gaming (usage scenario): ES_RITNet 60 fps; GE_FBNet_C 60 fps, p=1.0 after ES_RITNet;"
                + " HT_hand_graph_cnn_half 45 fps", s.description());
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C", "HT_hand_graph_cnn_half"),
                s.tasks().stream().map(Task::id).toList());
        assertEquals(List.of("ES_RITNet", "GE_FBNet_C", "HT_hand_graph_cnn_half"),
                s.models().stream().map(Model::id).toList());
        Task es = s.tasks().get(0);
        Task ge = s.tasks().get(1);
        Task ht = s.tasks().get(2);
        assertEquals(new Task("ES_RITNet", "ES_RITNet", 16_666_667L, 16_666_667L, 0, 0, 1, null, 1.0, true), es);
        assertEquals(new Task("GE_FBNet_C", "GE_FBNet_C", 16_666_667L, 16_666_667L, 0, 0, 1, "ES_RITNet", 1.0, true), ge);
        assertEquals(new Task("HT_hand_graph_cnn_half", "HT_hand_graph_cnn_half", 22_222_222L, 22_222_222L, 0, 0, 1,
                null, 1.0, true), ht);
        assertEquals(16, es.periodNs() / 1_000_000);
        assertEquals(22, ht.periodNs() / 1_000_000);
    }

    @Test
    void periodsTruncateToXrbenchIntegerMillisecondsForEveryFpsUsed() {
        JsonObject json = raw("scenarios.json").getAsJsonObject("scenarios");
        int checked = 0;
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            Scenario s = provider.load("xrbench/" + e.getKey());
            for (JsonElement m : e.getValue().getAsJsonObject().getAsJsonArray("models")) {
                JsonObject entry = m.getAsJsonObject();
                int fps = entry.get("fps").getAsInt();
                Task t = s.tasks().get(s.taskIndex(entry.get("model").getAsString()));
                assertEquals(Math.round(1e9 / fps), t.periodNs());
                assertEquals(1000 / fps, t.periodNs() / 1_000_000, "fps " + fps);
                assertEquals(entry.get("period_ms_as_simulated").getAsLong(), t.periodNs() / 1_000_000);
                assertEquals(t.periodNs(), t.deadlineNs());
                assertEquals(entry.get("trigger_probability_effective").getAsDouble(), t.probability());
                assertEquals(0, t.jitterNs());
                assertEquals(1, t.priority());
                assertTrue(t.active());
                checked++;
            }
        }
        assertEquals(38, checked);
        for (int fps : new int[] {60, 45, 30, 15, 10, 3}) {
            assertEquals(1000 / fps, XrbenchScenarios.periodNs(fps) / 1_000_000, "fps " + fps);
        }
    }

    @Test
    void everyModelHasItsDeclaredNumberOfStrideOneConvLayers() {
        JsonObject models = raw("models.json").getAsJsonObject("models");
        int total = 0;
        int seen = 0;
        for (ScenarioProvider.Info info : provider.scenarios()) {
            for (Model m : provider.load(info.id()).models()) {
                JsonObject entry = models.getAsJsonObject(m.id());
                assertEquals(entry.get("num_layers").getAsInt(), m.layers().size(), m.id());
                assertEquals(entry.getAsJsonArray("layers").size(), m.layers().size(), m.id());
                for (Layer l : m.layers()) {
                    assertEquals(OpType.CONV, l.type());
                    assertEquals(1, l.stride());
                }
            }
        }
        for (Map.Entry<String, JsonElement> e : models.entrySet()) {
            total += e.getValue().getAsJsonObject().get("num_layers").getAsInt();
            seen++;
        }
        assertEquals(12, seen);
        assertEquals(1439, total);
        Layer first = provider.load("xrbench/VR_gaming").model("ES_RITNet").layers().get(0);
        assertEquals(Layer.conv("conv1", 1, 32, 32, 160, 100, 3, 3), first);
        assertEquals("Eye segmentation", provider.load("xrbench/VR_gaming").model("ES_RITNet").task());
    }

    @Test
    void arAssistantSpeechRecognitionIsTriggeredByKeywordDetectionHalfTheTime() {
        Scenario s = provider.load("xrbench/AR_Assistant");
        assertEquals(6, s.tasks().size());
        Task asr = s.tasks().get(s.taskIndex("ASR_EM_24L"));
        assertEquals(0.5, asr.probability());
        assertEquals("KD_res8_narrow", asr.upstream());
        assertEquals(333_333_333L, asr.periodNs());
        assertNull(s.tasks().get(s.taskIndex("KD_res8_narrow")).upstream());
    }

    @Test
    void socialInteractionAGazeWithoutProbabilityLineIsAlwaysTriggered() {
        Scenario s = provider.load("xrbench/social_interactionA");
        Task ge = s.tasks().get(s.taskIndex("GE_FBNet_C"));
        assertEquals(1.0, ge.probability());
        assertEquals("ES_RITNet", ge.upstream());
        assertEquals(33_333_333L, s.tasks().get(s.taskIndex("HT_hand_graph_cnn_half")).periodNs());
    }

    @Test
    void probabilitySweepsDifferOnlyInGazeProbability() {
        double[] expected = {1.0, 0.25, 0.5, 0.75};
        String[] names = {"100p", "25p", "50p", "75p"};
        Scenario base = provider.load("xrbench/VR_gaming");
        for (int i = 0; i < names.length; i++) {
            Scenario s = provider.load("xrbench/VR_gaming_" + names[i]);
            assertEquals(expected[i], s.tasks().get(1).probability());
            assertEquals(base.models(), s.models());
            assertEquals(base.tasks().get(0), s.tasks().get(0));
            assertEquals(base.tasks().get(2), s.tasks().get(2));
        }
    }

    @Test
    void unknownIdNamesTheKnownIds() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> provider.load("xrbench/nope"));
        assertTrue(e.getMessage().contains("'xrbench/nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("xrbench/VR_gaming_75p"), e.getMessage());
        assertTrue(e.getMessage().contains("xrbench/AR_Assistant"), e.getMessage());
    }

    @Test
    void dataIsParsedOnceAndShared() {
        assertSame(XrbenchCatalog.shared(), XrbenchCatalog.shared());
        assertSame(provider.load("xrbench/VR_gaming"), new XrbenchScenarioProvider().load("xrbench/VR_gaming"));
    }

    @Test
    void twinsAreListedAsTheyLoadAndBuiltOnce() {
        // the twins are built on first load, not when the catalog is: the listing must still say what a load gives
        List<String> twins = new ArrayList<>();
        for (ScenarioProvider.Info info : provider.scenarios()) {
            if (info.id().startsWith("xrbench/width/") || info.id().startsWith("xrbench/steps/")) {
                twins.add(info.id());
                Scenario s = provider.load(info.id());
                assertEquals(info.id(), s.id());
                assertEquals(info.description(), s.description());
                assertSame(s, provider.load(info.id()));
                assertFalse(s.models().get(0).variants().isEmpty(), info.id() + " has no variants");
            }
        }
        assertEquals(16, twins.size(), twins.toString());
        assertTrue(twins.contains("xrbench/width/session_dynamic") && twins.contains("xrbench/steps/VR_gaming"),
                twins.toString());
    }

    @Test
    void malformedModelsNameResourceAndJsonPath() {
        String models = "{\"models\":{\"M\":{\"num_layers\":1,\"layers\":[{\"name\":\"l0\",\"type\":\"CONV\","
                + "\"N\":1,\"K\":0,\"C\":1,\"Y\":1,\"X\":1,\"R\":1,\"S\":1}]}}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> catalog(models, scenarios("M", 30)));
        assertEquals("models.json", e.source());
        assertEquals("$.models.M.layers[0].K", e.path());

        String fractional = models.replace("\"K\":0", "\"K\":2.5");
        e = assertThrows(InvalidInputException.class, () -> catalog(fractional, scenarios("M", 30)));
        assertEquals("$.models.M.layers[0].K", e.path());

        String wrongCount = models.replace("\"K\":0", "\"K\":4").replace("\"num_layers\":1", "\"num_layers\":2");
        e = assertThrows(InvalidInputException.class, () -> catalog(wrongCount, scenarios("M", 30)));
        assertEquals("$.models.M.num_layers", e.path());

        String depthwise = models.replace("\"K\":0", "\"K\":4").replace("\"CONV\"", "\"DWCONV\"");
        e = assertThrows(InvalidInputException.class, () -> catalog(depthwise, scenarios("M", 30)));
        assertEquals("models.json: $.models.M.layers[0].C: a DWCONV layer needs C == K (one filter per input channel),"
                + " got K 4, C 1", e.getMessage());

        e = assertThrows(InvalidInputException.class, () -> catalog("{\"models\": [", scenarios("M", 30)));
        assertEquals("models.json", e.source());
        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
    }

    @Test
    void malformedScenariosNameResourceAndJsonPath() {
        String models = "{\"models\":{\"M\":{\"layers\":[{\"name\":\"l0\",\"type\":\"CONV\","
                + "\"N\":1,\"K\":4,\"C\":1,\"Y\":1,\"X\":1,\"R\":1,\"S\":1}]}}}";
        assertEquals(33_333_333L, catalog(models, scenarios("M", 30)).scenario("xrbench/S").tasks().get(0).periodNs());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> catalog(models, scenarios("Q", 30)));
        assertEquals("scenarios.json", e.source());
        assertEquals("$.scenarios.S.models[0].model", e.path());

        e = assertThrows(InvalidInputException.class, () -> catalog(models, scenarios("M", 0)));
        assertEquals("$.scenarios.S.models[0].fps", e.path());

        String badDep = scenarios("M", 30).replace("\"depends_on\":[]", "\"depends_on\":[\"X\"]");
        e = assertThrows(InvalidInputException.class, () -> catalog(models, badDep));
        assertEquals("$.scenarios.S.models[0].depends_on[0]", e.path());

        String badP = scenarios("M", 30).replace("\"trigger_probability_effective\":1.0",
                "\"trigger_probability_effective\":1.5");
        e = assertThrows(InvalidInputException.class, () -> catalog(models, badP));
        assertEquals("$.scenarios.S.models[0].trigger_probability_effective", e.path());

        String missing = scenarios("M", 30).replace("\"fps\":30,", "");
        e = assertThrows(InvalidInputException.class, () -> catalog(models, missing));
        assertEquals("$.scenarios.S.models[0]", e.path());
        assertTrue(e.reason().contains("fps"), e.reason());
    }

    private static String scenarios(String model, int fps) {
        return "{\"scenarios\":{\"S\":{\"models\":[{\"model\":\"" + model + "\",\"fps\":" + fps
                + ",\"trigger_probability_effective\":1.0,\"depends_on\":[]}]}}}";
    }

    private static XrbenchCatalog catalog(String models, String scenarios) {
        return XrbenchCatalog.of(JsonNode.parse(XrbenchCatalog.MODELS, new java.io.StringReader(models)),
                JsonNode.parse(XrbenchCatalog.SCENARIOS, new java.io.StringReader(scenarios)));
    }

    private static JsonObject raw(String resource) {
        try (Reader r = new InputStreamReader(XrbenchCatalog.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
