package org.rtmmlab.workload.drone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;

class DroneScenarioProviderTest {

    @Test
    void patrolLoadsWithXrbenchStandInsRatesAndBursts() {
        Scenario s = new DroneScenarioProvider().load("drone/patrol");
        assertEquals("drone/patrol", s.id());
        assertEquals(20_000_000_000L, s.defaultDurationNs());
        assertEquals(List.of("obstacles", "depth", "segmentation", "tracking"), s.tasks().stream().map(Task::id).toList());
        assertEquals(138, s.model("OD_D2go_FasterRCNN").layers().size(), "the XRBench layer list");
        assertEquals(new Task("tracking", "GE_FBNet_C", 33_333_333, 33_333_333, 0, 0, 2, "obstacles", 0.3, true),
                s.tasks().get(3));
        long bursts = s.events().stream().filter(e -> e.kind() == ScenarioEvent.Kind.SET_PERIOD).count();
        assertEquals(5, bursts);
        assertEquals(new ScenarioEvent(5_000_000_000L, ScenarioEvent.Kind.SET_PERIOD, "obstacles", 16_666_667),
                s.events().get(0));
    }

    @Test
    void listedThroughServiceLoaderAndUnknownIdsNameTheKnownOne() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(ScenarioProvider.class).forEach(p -> ids.add(p.id()));
        assertTrue(ids.contains("drone") && ids.contains("xrbench"), ids.toString());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new DroneScenarioProvider().load("drone/nope"));
        assertEquals("drone: unknown scenario id 'drone/nope'; known ids: drone/patrol", e.getMessage());
    }

    @Test
    void withoutTheXrbenchProviderTheRefFailsWithFileAndPath() {
        DroneScenarioProvider p = new DroneScenarioProvider();
        p.activate(); // OSGi mode with no peer bound
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.load("drone/patrol"));
        assertEquals("patrol.json: $.models[0].ref: unknown model ref 'xrbench:OD_D2go_FasterRCNN': no installed"
                + " scenario has an id equal to or below 'xrbench'", e.getMessage());
    }
}
