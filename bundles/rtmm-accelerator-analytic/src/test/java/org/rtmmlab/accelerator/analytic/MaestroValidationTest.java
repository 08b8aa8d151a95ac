package org.rtmmlab.accelerator.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtmmlab.api.platform.Dataflow;

/**
 * Prints the validation against MAESTRO and pins the achieved figures (plus a margin of 2 percentage points) so
 * that a change of the model cannot make them silently worse. The targets (per-model latency and energy
 * within 15% median error, ranking equal in &gt;= 90% of groups) are NOT met; see the bundle README.
 */
class MaestroValidationTest {

    private static final double MARGIN = 0.02;

    /** Achieved {layer latency, layer energy, model latency, model energy} medians and p90s, per dataflow. */
    private static final double[][] WS = {{0.750, 0.904}, {0.870, 0.918}, {0.697, 0.803}, {0.717, 0.823}};
    private static final double[][] OS = {{0.465, 0.732}, {0.473, 0.704}, {0.283, 0.621}, {0.236, 0.588}};
    private static final double[][] RS = {{0.500, 0.828}, {0.285, 0.876}, {0.479, 0.775}, {0.224, 0.767}};
    private static final int RANKING_AGREED = 30;

    @Test
    void errorsAndRankingAreNoWorseThanAchieved() {
        MaestroValidation.Report r = MaestroValidation.fromClasspath();
        System.out.print(r.table());
        assertEquals(3, r.dataflows().size());
        assertEquals(19 * 12, r.dataflows().stream().mapToInt(f -> f.modelLatency().count()).sum());
        assertEquals(19 * 1439, r.dataflows().stream().mapToInt(f -> f.layerLatency().count()).sum());
        assertEquals(60, r.rankingGroups()); // 5 (PEs, bandwidth) groups with WS, OS and RS x 12 models
        pin(r.of(Dataflow.WS), WS);
        pin(r.of(Dataflow.OS), OS);
        pin(r.of(Dataflow.RS), RS);
        assertTrue(r.rankingAgreed() >= RANKING_AGREED - 1, r.table());
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
