package org.rtmmlab.optimizer.rtmdl;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

/**
 * Property: over seeds and storage bounds from the smallest feasible one to the full models', no strategy the
 * optimiser returns needs more weight bytes than the bound (edge-mix's real models and storage accounting; the miss
 * rates come from a synthetic load formula instead of the simulator so that many searches stay quick).
 */
class StorageBoundTest {

    /** Synthetic miss rates: overload (total MACs/s over a capacity) hits low-priority tasks harder. */
    private static MissRateOracle synthetic(StrategySpace s) {
        double capacity = 0.6 * totalLoad(s, s.fullSize());
        return c -> {
            double over = Math.max(0, totalLoad(s, c) / capacity - 1);
            double[] m = new double[s.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.min(1, over * (s.size() + 1 - c.priority(i)) / s.size());
            }
            return m;
        };
    }

    private static double totalLoad(StrategySpace s, Candidate c) {
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.loadPerSecond()[i][c.variant(i)];
        }
        return sum;
    }

    @Test
    void noReturnedStrategyExceedsTheBound() {
        RtmdlOptimizerTest.resolve();
        StrategySpace all = StrategySpace.of(RtmdlOptimizerTest.scenario, Map.of(), Long.MAX_VALUE, 1);
        long full = all.storageOf(all.fullSize());
        long smallest = all.storageOf(new RtmdlOptimizer(all, null, new OptimizerSettings(1, 2, 1, 4, 4, 1, 0))
                .smallest());
        int searches = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (double f : new double[] {0, 0.1, 0.3, 0.6, 1}) {
                long bound = smallest + Math.round(f * (full - smallest));
                StrategySpace s = StrategySpace.of(RtmdlOptimizerTest.scenario, Map.of(), bound, 1);
                OptimizerResult r = new RtmdlOptimizer(s, synthetic(s), new OptimizerSettings(seed, 12, 3, 12, 120, 3,
                        0)).optimize((d, t, p) -> { });
                assertTrue(r.storageBytes() <= bound, "seed " + seed + ", bound " + bound + ": strategy " + r.chosen()
                        + " needs " + r.storageBytes());
                searches++;
            }
        }
        assertTrue(searches == 20);
        long tooSmall = smallest - 1;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StrategySpace.of(RtmdlOptimizerTest.scenario, Map.of(), tooSmall, 1));
        assertTrue(e.getMessage().contains("--storage-mb"), e.getMessage());
    }
}
