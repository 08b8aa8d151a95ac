package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.json.JsonNode;

/**
 * The parsed XRBench data: every scenario, validated. Immutable once built; {@link #shared()} parses the bundled
 * resources once per class loader (thread-safe) and keeps the result.
 */
final class XrbenchCatalog {

    /** Resource with the layer lists, next to this class. */
    static final String MODELS = "models.json";
    /** Resource with the usage scenarios and probability sweeps, next to this class. */
    static final String SCENARIOS = "scenarios.json";

    private static final Object LOCK = new Object();
    private static volatile XrbenchCatalog shared;

    private final Map<String, Scenario> scenarios;
    private final List<ScenarioProvider.Info> infos;

    private XrbenchCatalog(Map<String, Scenario> scenarios) {
        this.scenarios = Collections.unmodifiableMap(scenarios);
        List<ScenarioProvider.Info> list = new ArrayList<>();
        for (Scenario s : scenarios.values()) {
            list.add(new ScenarioProvider.Info(s.id(), s.description()));
        }
        this.infos = List.copyOf(list);
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
        return new XrbenchCatalog(XrbenchScenarios.parse(scenariosJson, models));
    }

    /**
     * @return the full catalog: the reference scenarios, the dynamic session ({@value XrbenchSessions#SESSION}) and
     *         the width-variant twins {@code xrbench/width/<name>} of the usage scenarios and the session, then
     *         their FLOPs-step twins {@code xrbench/steps/<name>} ({@code steps.json})
     */
    static XrbenchCatalog of(JsonNode modelsJson, JsonNode scenariosJson, JsonNode variantsJson,
                             java.io.Reader sessionJson) {
        Map<String, Model> models = XrbenchModels.parse(modelsJson);
        Map<String, Scenario> all = new java.util.LinkedHashMap<>(XrbenchScenarios.parse(scenariosJson, models));
        Scenario session = XrbenchSessions.session(sessionJson, models);
        all.put(session.id(), session);
        XrbenchVariants variants = XrbenchVariants.parse(variantsJson, models);
        List<Scenario> twins = new ArrayList<>();
        for (String name : XrbenchScenarios.usageScenarios(scenariosJson)) {
            twins.add(XrbenchSessions.widthTwin(all.get(XrbenchScenarios.PREFIX + name), variants));
        }
        twins.add(XrbenchSessions.widthTwin(session, variants));
        XrbenchSteps steps = XrbenchSteps.parse(JsonNode.resource(XrbenchCatalog.class, XrbenchSteps.RESOURCE));
        for (String name : XrbenchScenarios.usageScenarios(scenariosJson)) {
            twins.add(XrbenchSessions.stepsTwin(all.get(XrbenchScenarios.PREFIX + name), steps, variants));
        }
        twins.add(XrbenchSessions.stepsTwin(session, steps, variants));
        twins.forEach(t -> all.put(t.id(), t));
        return new XrbenchCatalog(all);
    }

    /** @return listing entries, in document order */
    List<ScenarioProvider.Info> infos() {
        return infos;
    }

    /** @return the scenario with this id; an unknown id is an input error naming the known ids */
    Scenario scenario(String id) {
        Scenario s = id == null ? null : scenarios.get(id);
        if (s == null) {
            throw new InvalidInputException(XrbenchScenarioProvider.ID, "",
                    "unknown scenario id '" + id + "'; known ids: " + String.join(", ", scenarios.keySet()));
        }
        return s;
    }
}
