package org.rtmmlab.accelerator.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Dataflow;

/**
 * Prints the validation against MAESTRO and pins the achieved figures so that a change of the model cannot make
 * them silently worse. The directive analysis reproduces every one of the 19 x 1,439 MAESTRO (latency, energy)
 * pairs: the error figures are pinned at 0 plus a margin of half a percentage point, the exact-match counts and
 * the dataflow ranking exactly. Also prints, for information, the figures under the physical halo rule
 * ({@code haloRule=filter}), which MAESTRO's tables do not follow.
 */
class MaestroValidationTest {

    private static final double MARGIN = 0.005;
    private static final int LAYERS = 19 * 1439;

    /** Achieved {layer latency, layer energy, model latency, model energy} medians and p90s, per dataflow. */
    private static final double[][] WS = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    private static final double[][] OS = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    private static final double[][] RS = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};

    @Test
    void everyMaestroLayerCostIsReproduced() {
        MaestroValidation.Report r = MaestroValidation.fromClasspath();
        System.out.print(r.table());
        assertEquals(3, r.dataflows().size());
        assertEquals(19 * 12, r.dataflows().stream().mapToInt(f -> f.modelLatency().count()).sum());
        assertEquals(LAYERS, r.dataflows().stream().mapToInt(f -> f.layerLatency().count()).sum());
        assertEquals(LAYERS, r.layers());
        assertEquals(LAYERS, r.exactLatency(), r.table());
        assertEquals(LAYERS, r.exactEnergy(), r.table());
        pin(r.of(Dataflow.WS), WS);
        pin(r.of(Dataflow.OS), OS);
        pin(r.of(Dataflow.RS), RS);
        assertEquals(60, r.rankingGroups()); // 5 (PEs, bandwidth) groups with WS, OS and RS x 12 models
        assertEquals(60, r.rankingAgreed(), r.table());
    }

    @Test
    void thePhysicalHaloRuleIsReportedNotPinned() {
        MaestroValidation.Report r = MaestroValidation.run(
                org.rtmmlab.json.JsonNode.resource(MaestroValidation.class, "/" + MaestroValidation.CLASSPATH_DIR
                        + "models.json"),
                org.rtmmlab.json.JsonNode.resource(MaestroValidation.class, "/" + MaestroValidation.CLASSPATH_DIR
                        + "costs.json"),
                org.rtmmlab.json.JsonNode.resource(MaestroValidation.class, "/" + MaestroValidation.CLASSPATH_DIR
                        + "hardware.json"), "filter");
        System.out.print("haloRule=filter (for information):\n" + r.table());
        // the physical rule differs from MAESTRO on small filters: most layers are cheaper than MAESTRO says
        assertTrue(r.exactLatency() < LAYERS / 2, r.table());
    }

    private static void pin(MaestroValidation.DataflowFigures f, double[][] achieved) {
        ErrorStats[] stats = {f.layerLatency(), f.layerEnergy(), f.modelLatency(), f.modelEnergy()};
        String[] names = {"layer latency", "layer energy", "model latency", "model energy"};
        for (int i = 0; i < stats.length; i++) {
            String what = f.dataflow() + " " + names[i];
            assertTrue(stats[i].median() <= achieved[i][0] + MARGIN, what + " median " + stats[i].median());
            assertTrue(stats[i].p90() <= achieved[i][1] + MARGIN, what + " p90 " + stats[i].p90());
        }
    }
}
