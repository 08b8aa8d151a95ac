package org.rtmmlab.workload.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/** The RT-mDL task sets load (model refs through the xrbench provider found with ServiceLoader) with CPU stages. */
class RtmdlScenarioProviderTest {

    private final RtmdlScenarioProvider provider = new RtmdlScenarioProvider();

    private static Model model(Scenario s, Task t) {
        return s.models().stream().filter(m -> m.id().equals(t.model())).findFirst().orElseThrow();
    }

    @Test
    void edgeMixWrapsEveryVariantInItsCpuStages() {
        Scenario s = provider.load(RtmdlScenarioProvider.EDGE_MIX);
        assertEquals(List.of("detect", "depth", "hands", "eyes", "keyword"), s.tasks().stream().map(Task::id).toList());
        assertEquals(5, s.models().size()); // the plain refs are dropped: every task runs its derived model
        Task detect = s.tasks().get(0);
        assertEquals("OD_D2go_FasterRCNN@detect", detect.model());
        assertEquals(200_000_000L, detect.periodNs());
        assertEquals(3, detect.priority());
        Model m = model(s, detect);
        assertEquals(4, m.variantCount()); // full + w0.75, w0.5, w0.25
        for (int v = 0; v < m.variantCount(); v++) {
            List<Layer> layers = m.layersOf(v);
            assertEquals(Layer.host("cpu.pre", 4000), layers.get(0));
            assertEquals(Layer.host("cpu.post", 2000), layers.get(layers.size() - 1));
            assertEquals(2, layers.stream().filter(l -> l.type() == OpType.HOST).count());
        }
        // the eyes' post stage of 0.5 ms is 500 us of reference work
        Model eyes = model(s, s.tasks().get(3));
        assertEquals(500, eyes.layers().get(eyes.layers().size() - 1).k());
    }

    @Test
    void edgeMixStepsHasTheSameTasksWithFlopsStepLevelsAndPrivateHeads() {
        Scenario plain = provider.load(RtmdlScenarioProvider.EDGE_MIX);
        Scenario s = provider.load(RtmdlScenarioProvider.EDGE_MIX_STEPS);
        assertEquals(plain.tasks(), s.tasks());
        for (Task t : s.tasks()) {
            Model m = model(s, t);
            assertEquals(List.of("full", "s0.75", "s0.5", "s0.25"), List.of(m.variantId(0), m.variantId(1),
                    m.variantId(2), m.variantId(3)), t.id());
            for (int v = 1; v < 4; v++) {
                String level = m.variantId(v);
                long privateHeads = m.layersOf(v).stream().filter(l -> l.weightId().endsWith("@" + level)).count();
                assertEquals(true, privateHeads >= 1, t.id() + " " + level + " has a private head");
                assertEquals(Layer.host("cpu.pre", m.layers().get(0).k()), m.layersOf(v).get(0));
            }
        }
    }

    @Test
    void h100MixHasFullSizeModelsOnly() {
        Scenario s = provider.load(RtmdlScenarioProvider.H100_MIX);
        for (Task t : s.tasks()) {
            assertEquals(1, model(s, t).variantCount(), t.id());
            assertEquals(OpType.HOST, model(s, t).layers().get(0).type());
        }
        assertEquals(5_000_000_000L, s.defaultDurationNs());
    }

    @Test
    void unknownIdIsAnInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> provider.load("rtmdl/nope"));
        assertEquals(true, e.getMessage().contains("rtmdl/edge-mix"));
    }
}
