package org.rtmmlab.optimizer.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.platform.StreamSharing;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/** The profiled GPU utilisation: by hand on a cost model with known per-layer figures, and on edge-gpu-cpu. */
class GpuProfileTest {

    /** Prices layer k at 100 x (k + 1) ns alone with utilisation 0.2 x (k + 1), co-running as StreamSharing says. */
    private static final AcceleratorModel KNOWN = new AcceleratorModel() {
        @Override
        public String id() {
            return "known";
        }

        @Override
        public String description() {
            return "hand-made figures";
        }

        @Override
        public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
            return new LayerCost(100L * (layer + 1), 0);
        }

        @Override
        public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator, double share) {
            return new LayerCost(StreamSharing.coRunLatencyNs(100L * (layer + 1), 0.2 * (layer + 1), share,
                    StreamSharing.interference(accelerator)), 0);
        }
    };

    @Test
    void timeWeightedUtilisationOfTheGpuLayersByHand() {
        // layer 0 is a host stage (skipped); layer 1: 200 ns at u 0.4; layer 2: 300 ns at u 0.6
        Model m = Model.of("m", "", List.of(Layer.host("pre", 5), Layer.conv("a", 1, 4, 4, 4, 4, 1, 1),
                Layer.conv("b", 1, 4, 4, 4, 4, 1, 1)));
        Scenario s = new Scenario("s", "", List.of(m), List.of(Task.periodic("t", "m", 10_000_000L)), List.of(),
                1_000_000_000L);
        for (String interference : new String[] {"0.2", "0"}) {
            Platform p = new Platform("p", "", List.of(Accelerator.builder("cpu0", "cpu").kind(AcceleratorKind.CPU)
                    .build(), Accelerator.builder("gpu", "known").kind(AcceleratorKind.GPU)
                    .attribute(StreamSharing.INTERFERENCE_ATTRIBUTE, interference).build()));
            GpuProfile g = GpuProfile.of(s, p, id -> KNOWN);
            assertEquals("gpu", g.accelerator());
            // (200 x 0.4 + 300 x 0.6) / (200 + 300) = 260 / 500
            assertEquals(0.52, g.util()[0][0], 1e-3, "interference " + interference);
        }
    }

    @Test
    void edgeGpuUtilisationIsAFractionOfTheGpu() {
        RtmdlOptimizerTest.resolve();
        GpuProfile g = RtmdlOptimizerTest.profile();
        Scenario s = RtmdlOptimizerTest.scenario;
        for (int i = 0; i < s.tasks().size(); i++) {
            StringBuilder line = new StringBuilder("[optimizer figure] gpu util " + s.tasks().get(i).id() + ":");
            for (int v = 0; v < g.util()[i].length; v++) {
                assertTrue(g.util()[i][v] > 0 && g.util()[i][v] <= 1, s.tasks().get(i).id() + " " + v);
                line.append(' ').append(g.of(i, v));
            }
            System.out.println(line);
        }
    }
}
