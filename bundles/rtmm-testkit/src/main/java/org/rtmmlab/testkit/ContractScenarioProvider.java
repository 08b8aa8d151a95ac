package org.rtmmlab.testkit;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;

/** Scenario provider {@code testkit} serving {@link ContractScenarios#scenarios()}. */
public final class ContractScenarioProvider implements ScenarioProvider {

    /** Id of this provider. */
    public static final String ID = "testkit";

    /** Creates the (stateless) provider. */
    public ContractScenarioProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "testkit: small scenarios with hand-computable answers";
    }

    @Override
    public List<Info> scenarios() {
        List<Info> out = new ArrayList<>();
        for (Scenario s : ContractScenarios.scenarios()) {
            out.add(new Info(s.id(), s.description()));
        }
        return out;
    }

    @Override
    public Scenario load(String scenarioId) {
        for (Scenario s : ContractScenarios.scenarios()) {
            if (s.id().equals(scenarioId)) {
                return s;
            }
        }
        throw new InvalidInputException(ID, "", "unknown scenario '" + scenarioId + "'");
    }
}
