package org.rtmmlab.engine.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/** Scenario provider {@code test} serving scenarios registered by tests. */
public final class MapScenarioProvider implements ScenarioProvider {

    private final Map<String, Scenario> scenarios = new ConcurrentSkipListMap<>();

    /** Registers a scenario under its id. */
    public void add(Scenario s) {
        scenarios.put(s.id(), s);
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public String description() {
        return "scenarios built by tests";
    }

    @Override
    public List<Info> scenarios() {
        List<Info> out = new ArrayList<>();
        scenarios.values().forEach(s -> out.add(new Info(s.id(), s.description())));
        return out;
    }

    @Override
    public Scenario load(String id) {
        Scenario s = scenarios.get(id);
        if (s == null) {
            throw new InvalidInputException("test", "", "unknown scenario " + id);
        }
        return s;
    }
}
