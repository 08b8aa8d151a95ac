package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.JsonNode;

/**
 * The parsed XRBench data: every scenario, validated. Immutable once built; {@link #shared()} parses the bundled
 * resources once per class loader (thread-safe) and keeps the result. The width-variant and FLOPs-step twins are
 * listed at once but built on first load (each once, thread-safe): building them (a bisection per model and level)
 * costs a run of a reference scenario on the command line about a tenth of a second it does not need (issue 15).
 */
final class XrbenchCatalog {

    /** Resource with the layer lists, next to this class. */
    static final String MODELS = "models.json";
    /** Resource with the usage scenarios and probability sweeps, next to this class. */
    static final String SCENARIOS = "scenarios.json";

    private static final Object LOCK = new Object();
    private static volatile XrbenchCatalog shared;

    /** Every scenario by id, in listing order: the built ones and the twins not built yet. */
    private final Map<String, Entry> scenarios;
    private final List<ScenarioProvider.Info> infos;

    /** A scenario, built at once or on first use ({@link #get()} builds it once, thread-safe). */
    private static final class Entry {
        private final String description;
        private Supplier<Scenario> builder;
        private Scenario scenario;

        Entry(Scenario scenario) {
            this.description = scenario.description();
            this.scenario = scenario;
        }

        Entry(String description, Supplier<Scenario> builder) {
            this.description = description;
            this.builder = builder;
        }

        synchronized Scenario get() {
            if (scenario == null) {
                scenario = builder.get();
                builder = null;
            }
            return scenario;
        }
    }

    private XrbenchCatalog(Map<String, Entry> scenarios) {
        this.scenarios = Collections.unmodifiableMap(scenarios);
        List<ScenarioProvider.Info> list = new ArrayList<>();
        for (Map.Entry<String, Entry> e : scenarios.entrySet()) {
            list.add(new ScenarioProvider.Info(e.getKey(), e.getValue().description));
        }
        this.infos = List.copyOf(list);
    }

    /** @return the catalog of built scenarios {@code all}, in their order */
    private static XrbenchCatalog of(Map<String, Scenario> all) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        all.forEach((id, s) -> entries.put(id, new Entry(s)));
        return new XrbenchCatalog(entries);
    }

    /** @return the catalog of the bundled resources, parsed on first use */
    static XrbenchCatalog shared() {
        XrbenchCatalog c = shared;
        if (c == null) {
            synchronized (LOCK) {
                c = shared;
                if (c == null) {
                    c = of(JsonNode.resource(XrbenchCatalog.class, MODELS),
                            JsonNode.resource(XrbenchCatalog.class, SCENARIOS),
                            JsonNode.resource(XrbenchCatalog.class, XrbenchVariants.RESOURCE),
                            XrbenchSessions.open(XrbenchSessions.RESOURCE));
                    shared = c;
                }
            }
        }
        return c;
    }

    /** @return a catalog of the reference scenarios of parsed {@code models.json} and {@code scenarios.json} only */
    static XrbenchCatalog of(JsonNode modelsJson, JsonNode scenariosJson) {
        Map<String, Model> models = XrbenchModels.parse(modelsJson);
        return of(XrbenchScenarios.parse(scenariosJson, models));
    }

    /**
     * @return the full catalog: the reference scenarios, the dynamic session ({@value XrbenchSessions#SESSION}) and
     *         the width-variant twins {@code xrbench/width/<name>} of the usage scenarios and the session, then
     *         their FLOPs-step twins {@code xrbench/steps/<name>} ({@code steps.json})
     */
    static XrbenchCatalog of(JsonNode modelsJson, JsonNode scenariosJson, JsonNode variantsJson,
                             java.io.Reader sessionJson) {
        Map<String, Model> models = XrbenchModels.parse(modelsJson);
        Map<String, Entry> all = new LinkedHashMap<>();
        XrbenchScenarios.parse(scenariosJson, models).forEach((id, s) -> all.put(id, new Entry(s)));
        Scenario session = XrbenchSessions.session(sessionJson, models);
        all.put(session.id(), new Entry(session));
        // the twins' data files are parsed and checked here; the twins themselves are built on first load
        XrbenchVariants variants = XrbenchVariants.parse(variantsJson, models);
        XrbenchSteps steps = XrbenchSteps.parse(JsonNode.resource(XrbenchCatalog.class, XrbenchSteps.RESOURCE));
        List<Scenario> bases = new ArrayList<>();
        for (String name : XrbenchScenarios.usageScenarios(scenariosJson)) {
            bases.add(all.get(XrbenchScenarios.PREFIX + name).get());
        }
        bases.add(session);
        for (Scenario base : bases) {
            all.put(XrbenchSessions.widthId(base), new Entry(XrbenchSessions.widthDescription(base),
                    () -> XrbenchSessions.widthTwin(base, variants)));
        }
        for (Scenario base : bases) {
            all.put(XrbenchSessions.stepsId(base), new Entry(XrbenchSessions.stepsDescription(base, steps),
                    () -> XrbenchSessions.stepsTwin(base, steps, variants)));
        }
        return new XrbenchCatalog(all);
    }

    /** @return listing entries, in document order */
    List<ScenarioProvider.Info> infos() {
        return infos;
    }

    /** @return the scenario with this id; an unknown id is an input error naming the known ids */
    Scenario scenario(String id) {
        Entry s = id == null ? null : scenarios.get(id);
        if (s == null) {
            throw new InvalidInputException(XrbenchScenarioProvider.ID, "",
                    "unknown scenario id '" + id + "'; known ids: " + String.join(", ", scenarios.keySet()));
        }
        return s.get();
    }
}
