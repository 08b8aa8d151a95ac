package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.api.workload.Variant;

class ModelRefsTest {

    static final Model PLAIN = Model.of("M", "", List.of(Layer.conv("l0", 1, 8, 3, 8, 8, 3, 3)));
    static final Model WIDE = new Model("M", "", PLAIN.layers(), List.of(new Variant("w0.5", 0.9,
            List.of(Layer.conv("l0", 1, 4, 3, 8, 8, 3, 3)), "")));

    /** A provider over fixed scenarios, plus one entry whose load fails. */
    static class Fixed implements ScenarioProvider {
        final Map<String, Scenario> map = new LinkedHashMap<>();
        final String bad;

        Fixed(String bad, Scenario... scenarios) {
            this.bad = bad;
            for (Scenario s : scenarios) {
                map.put(s.id(), s);
            }
        }

        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<Info> scenarios() {
            List<Info> out = new ArrayList<>();
            if (bad != null) {
                out.add(new Info(bad, "broken"));
            }
            map.keySet().forEach(id -> out.add(new Info(id, "")));
            return out;
        }

        @Override
        public Scenario load(String id) {
            if (id.equals(bad)) {
                throw new InvalidInputException(id, "$", "broken on purpose");
            }
            return map.get(id);
        }
    }

    static Scenario scenario(String id, Model m) {
        return new Scenario(id, "", List.of(m), List.of(Task.periodic("t", m.id(), 1_000_000)), List.of(), 1_000_000);
    }

    final Fixed lib = new Fixed("lib/broken", scenario("lib/a", PLAIN), scenario("lib/wide/b", WIDE));

    @Test
    void namespaceSelectsScenariosByIdPrefixInListingOrderSkippingBrokenOnes() {
        assertEquals(PLAIN, ModelRefs.resolve("lib:M", List.of(lib)));
        assertEquals(WIDE, ModelRefs.resolve("lib/wide:M", List.of(lib)));
        assertEquals(WIDE, ModelRefs.resolve("lib/wide/b:M", List.of(lib)));
    }

    @Test
    void unknownAndMalformedRefsSayWhy() {
        assertEquals("unknown model ref 'lib:X': no model 'X' in the 3 scenario(s) under 'lib'",
                assertThrows(InvalidInputException.class, () -> ModelRefs.resolve("lib:X", List.of(lib))).reason());
        assertEquals("unknown model ref 'nope:M': no installed scenario has an id equal to or below 'nope'",
                assertThrows(InvalidInputException.class, () -> ModelRefs.resolve("nope:M", List.of(lib))).reason());
        assertEquals("model ref 'M' must read <provider or scenario>:<model>, e.g. xrbench:ES_RITNet",
                assertThrows(InvalidInputException.class, () -> ModelRefs.resolve("M", List.of(lib))).reason());
    }

    @Test
    void aFileReferringToItselfIsACircularRefNotAStackOverflow() {
        String self = """
                {"version": 1, "id": "loop/a", "durationMs": 1, "models": [{"ref": "loop/a:M"}],
                 "tasks": [{"model": "M", "fps": 1}]}""";
        List<ScenarioProvider> providers = new ArrayList<>();
        Supplier<List<ScenarioProvider>> all = () -> providers;
        ScenarioProvider looping = new Fixed(null) {
            @Override
            public List<Info> scenarios() {
                return List.of(new Info("loop/a", ""));
            }

            @Override
            public Scenario load(String id) {
                return ScenarioFiles.parse("a.json", new StringReader(self), ModelRefs.over(all));
            }
        };
        providers.add(looping);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> looping.load("loop/a"));
        assertEquals("a.json: $.models[0].ref: circular model ref 'loop/a:M'", e.getMessage());
    }
}
