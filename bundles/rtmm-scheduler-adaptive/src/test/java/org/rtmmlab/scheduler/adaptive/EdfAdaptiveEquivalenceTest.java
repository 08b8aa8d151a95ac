package org.rtmmlab.scheduler.adaptive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.testkit.engine.RecordedTwinRun;

/**
 * Issue 15: {@link EdfAdaptiveScheduler} (queue counts kept as jobs come and go, per-model lists of jobs not started,
 * EDF order kept across calls) decides as {@link EdfAdaptiveScan} (the rule by scans of the whole view) at every
 * decision point of real engine runs with width variants (on the test cost model {@code macs}, the table platforms
 * cannot price them): overload (AR_Assistant on two accelerators, models stepping down and up), XRBench
 * compatibility mode (jobs waiting on upstream frames), no deadline drops (a backlog of 50 to 70 jobs, the models at their smallest variant), a
 * four-accelerator platform, and plain EDF (no variants) under overload on an XRBench platform. Each run is made once
 * with each ({@link RecordedTwinRun}: variant selections applied, both hear every ended request, which the kept queue
 * counts need); the variant selections of one call are compared as a set (they are independent of one another; the
 * kept scheduler makes them model by model), the rest in order.
 */
class EdfAdaptiveEquivalenceTest {

    @ParameterizedTest
    @CsvSource({"2,0,0", "2,0,1", "3,1,2", "6,2,0"})
    void theKeptStateDecidesAsTheScan(int down, int up, int blockLayers) {
        Map<String, String> base = Map.of(EdfAdaptivePolicy.DOWN, Integer.toString(down), EdfAdaptivePolicy.UP,
                Integer.toString(up), EdfAdaptivePolicy.BLOCK, Integer.toString(blockLayers));
        // scenario, platform, accelerators of the macs platform, capacity of each (x the full-width demand), seconds,
        // compatibility mode (or "none": no deadline drops), the least largest backlog the run must reach
        for (String[] cell : new String[][] {
                {"xrbench/width/AR_Assistant", "macs/2", "2", "0.3", "3", "false", "6"},
                {"xrbench/width/AR_Assistant", "macs/2", "2", "0.1", "3", "none", "50"},
                {"xrbench/width/AR_Assistant", "macs/1", "1", "0.1", "3", "true", "5"},
                {"xrbench/width/VR_gaming", "macs/4", "4", "0.4", "1", "false", "2"},
                {"xrbench/AR_Assistant", "xrbench/Dual_4K__WS_OS", "0", "0", "3", "false", "6"}}) {
            Map<String, String> props = new java.util.HashMap<>(base);
            if (cell[5].equals("none")) { // no deadline drops: the backlog grows to hundreds
                props.put("engine.dropRule", "none");
            }
            if (Boolean.parseBoolean(cell[5]) && blockLayers != 0) {
                continue; // compatibility mode runs whole models only
            }
            EdfAdaptivePolicy policy = new EdfAdaptivePolicy();
            int accelerators = Integer.parseInt(cell[2]);
            RecordedTwinRun twin = RecordedTwinRun.of(policy,
                    c -> ((EdfAdaptiveScheduler) policy.create(c)).alwaysKept(), EdfAdaptiveEquivalenceTest::scan,
                    cell[0], cell[1], (long) (Double.parseDouble(cell[4]) * 1e9))
                    .withXrbenchCompat(Boolean.parseBoolean(cell[5])).withProperties(props).withVariantsInAnyOrder();
            if (accelerators > 0) {
                twin = twin.withPlugin(new MacCostModel(
                        EdfAdaptiveEndToEndTest.demandMacsPerNs() * Double.parseDouble(cell[3]), accelerators));
            }
            RecordedTwinRun.Counts counts = twin.run();
            String what = cell[0] + " on " + cell[1] + ": " + counts;
            assertTrue(counts.decisions() >= 50 && counts.dispatches() >= 10, what);
            assertTrue(counts.maxJobs() >= Integer.parseInt(cell[6]), what);
        }
    }

    private static EdfAdaptiveScan scan(SchedulerContext c) {
        PropertyReader p = PropertyReader.of(EdfAdaptivePolicy.ID, new EdfAdaptivePolicy().properties(),
                c.properties());
        return new EdfAdaptiveScan(c.costs().modelCount(), p.intValue(EdfAdaptivePolicy.DOWN),
                p.intValue(EdfAdaptivePolicy.UP), p.intValue(EdfAdaptivePolicy.BLOCK));
    }
}
