package org.rtmmlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.engine.Evaluator;

/** The analytic twins of the Figure 5 grid: same accelerators, priced by {@code analytic}, readable as platform files. */
class AnalyticTwinsTest {

    @Test
    void aTwinFileReadsBackAsTheTableAcceleratorsPricedAnalytically(@TempDir Path dir) {
        Evaluator evaluator = new Evaluator(Lab.catalog());
        Platform table = evaluator.platform(Lab.QUAD);
        List<Path> files = AnalyticTwins.write(dir, List.of(table));
        Platform twin = evaluator.platform(files.get(0).toString());
        assertEquals("analytic-twin/" + Lab.QUAD, twin.id());
        assertEquals(table.accelerators().size(), twin.accelerators().size());
        for (int a = 0; a < table.accelerators().size(); a++) {
            Accelerator t = table.accelerators().get(a);
            Accelerator w = twin.accelerators().get(a);
            assertEquals(AnalyticTwins.twin(t), w);
            assertEquals("analytic", w.costModel());
            assertEquals(t.peCount(), w.peCount());
            assertEquals(t.dataflow(), w.dataflow());
            assertEquals(t.clockHz(), w.clockHz(), 1e-6);
            assertFalse(w.attributes().containsKey("table"));
        }
    }

    @Test
    void theGridHasTheSevenScenariosAndTheTwentySixSettings() {
        assertEquals(26, Lab.xrbenchPlatforms().size());
        assertEquals(7 * 26, Fig5GridBenchmark.cells());
        for (String s : Lab.FIG5_SCENARIOS) {
            Lab.catalog().scenario(s); // each exists
        }
    }
}
