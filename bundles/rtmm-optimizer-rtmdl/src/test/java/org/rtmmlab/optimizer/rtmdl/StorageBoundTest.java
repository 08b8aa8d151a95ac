package org.rtmmlab.optimizer.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.moeaframework.core.Solution;
import org.moeaframework.core.variable.EncodingUtils;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Variant;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

/**
 * The storage bound over every kept variant. Property: over seeds and storage bounds from the smallest feasible one
 * to the full models', no strategy the optimiser returns needs more weight bytes than the bound (edge-mix's real
 * models and storage accounting; the miss rates come from a synthetic load formula instead of the simulator so that
 * many searches stay quick). The accounting itself is checked by hand on a model with shared and private layers, and
 * the search's storage constraint against the exact storage on random strategies.
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
        noReturnedStrategyExceedsTheBound(RtmdlOptimizerTest.scenario);
    }

    /** The same property on the FLOPs-step levels, whose private heads cost storage per kept level. */
    @Test
    void noReturnedStrategyExceedsTheBoundWithPrivateHeads() {
        noReturnedStrategyExceedsTheBound(RtmdlOptimizerTest.EVALUATOR.scenario(STEPS));
    }

    /** Scenario with FLOPs-step variants: shared slices plus a private head per level. */
    static final String STEPS = "rtmdl/edge-mix-steps";

    private static void noReturnedStrategyExceedsTheBound(Scenario scenario) {
        StrategySpace all = StrategySpace.of(scenario, Map.of(), Long.MAX_VALUE, 1);
        long full = all.storageOf(all.fullSize());
        long smallest = all.storageOf(new RtmdlOptimizer(all, null, new OptimizerSettings(1, 2, 1, 4, 4, 1, 0))
                .smallest());
        int searches = 0;
        for (long seed = 1; seed <= 4; seed++) {
            for (double f : new double[] {0, 0.1, 0.3, 0.6, 1}) {
                long bound = smallest + Math.round(f * (full - smallest));
                StrategySpace s = StrategySpace.of(scenario, Map.of(), bound, 1);
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
                () -> StrategySpace.of(scenario, Map.of(), tooSmall, 1));
        assertTrue(e.getMessage().contains("--storage-mb"), e.getMessage());
    }

    /**
     * A model with a layer shared by all three variants (1x1 conv, full K 8 x C 8; the variants use slices K 4 x C 8
     * and K 2 x C 8) and a private last layer per variant (1x1, 10 x 8, 6 x 8, 3 x 8 with their own weight ids):
     * keeping variants t..2 costs the union of the shared slices they use once plus each kept private layer.
     */
    @Test
    void keptStorageCountsSharedLayersOncePerTaskAndPrivateLayersPerVariant() {
        Model m = new Model("m", "", List.of(conv("a0", 8, "a"), conv("b0", 10, "b0")), List.of(
                new Variant("half", 0.9, List.of(conv("a1", 4, "a"), conv("b1", 6, "b1")), ""),
                new Variant("quarter", 0.8, List.of(conv("a2", 2, "a"), conv("b2", 3, "b2")), "")));
        // full + half + quarter: shared a at its largest slice 8x8 = 64, private 80 + 48 + 24
        assertEquals(64 + 80 + 48 + 24, StrategySpace.keptBytes(m, 0, 1));
        // half + quarter: a at 4x8 = 32 (the full model's slice is not stored), private 48 + 24
        assertEquals(32 + 48 + 24, StrategySpace.keptBytes(m, 1, 1));
        // quarter alone: its slice 2x8 = 16 and its private 24; fp16 doubles every figure
        assertEquals(16 + 24, StrategySpace.keptBytes(m, 2, 1));
        assertEquals(2 * (16 + 24), StrategySpace.keptBytes(m, 2, 2));
    }

    private static Layer conv(String name, int k, String weightId) {
        return new Layer(name, OpType.CONV, 1, k, 8, 4, 4, 1, 1, 1, weightId);
    }

    /**
     * On edge-mix the variants are width slices of the full tensors: keeping the smaller levels below a variant
     * costs nothing beyond that variant, and keeping every level costs the full model's weights.
     */
    @Test
    void widthSlicesMakeTheSmallerLevelsFree() {
        RtmdlOptimizerTest.resolve();
        StrategySpace s = StrategySpace.of(RtmdlOptimizerTest.scenario, Map.of(), Long.MAX_VALUE, 1);
        for (int i = 0; i < s.size(); i++) {
            for (int t = 0; t < s.bytes()[i].length; t++) {
                assertEquals(s.bytes()[i][t], s.keptBytes()[i][t], s.tasks().get(i) + " level " + t);
            }
        }
    }

    /**
     * On edge-mix-steps, counted by hand from the layer lists: keeping levels t..K-1 stores level t's layers that are
     * slices of shared tensors (level t is the widest kept level, so its slices are the union) plus the private heads
     * ({@code <weightId>@<level>}) of every kept level, each once; keeping every level therefore costs more than the
     * full model alone.
     */
    @Test
    void privateHeadsAreCountedOncePerKeptLevel() {
        Scenario steps = RtmdlOptimizerTest.EVALUATOR.scenario(STEPS);
        StrategySpace s = StrategySpace.of(steps, Map.of(), Long.MAX_VALUE, 1);
        for (int i = 0; i < s.size(); i++) {
            String modelId = steps.tasks().get(i).model();
            Model m = steps.models().stream().filter(x -> x.id().equals(modelId)).findFirst().orElseThrow();
            assertEquals(4, m.variantCount());
            long fullOnly = 0;
            for (Layer l : m.layers()) {
                fullOnly += l.weightElements();
            }
            for (int t = 0; t < 4; t++) {
                long expected = 0;
                for (Layer l : m.layersOf(t)) {
                    expected += l.weightId().contains("@") ? 0 : l.weightElements();
                }
                long heads = 0;
                for (int v = Math.max(t, 1); v < 4; v++) {
                    for (Layer l : m.layersOf(v)) {
                        heads += l.weightId().endsWith("@" + m.variantId(v)) ? l.weightElements() : 0;
                    }
                }
                assertTrue(t == 0 || heads > 0, m.id() + " level " + t + " keeps a private head");
                assertEquals(expected + heads, s.keptBytes()[i][t], m.id() + " kept from level " + t);
            }
            assertTrue(s.keptBytes()[i][0] > fullOnly, m.id() + ": the private heads cost storage");
        }
    }

    /**
     * 2,000 random encodings of the search problem: the decoded strategy always runs a variant it keeps, and the
     * storage constraint is violated exactly when the exact storage of every kept variant exceeds the bound.
     */
    @Test
    void theSearchsStorageConstraintIsTheExactStorageOfEveryKeptVariant() {
        RtmdlOptimizerTest.resolve();
        StrategySpace all = StrategySpace.of(RtmdlOptimizerTest.scenario, Map.of(), Long.MAX_VALUE, 1);
        long bound = (all.storageOf(all.fullSize()) + all.storageOf(new RtmdlOptimizer(all, null,
                new OptimizerSettings(1, 2, 1, 4, 4, 1, 0)).smallest())) / 2;
        StrategySpace s = StrategySpace.of(RtmdlOptimizerTest.scenario, Map.of(), bound, 1);
        StrategyProblem problem = new StrategyProblem(s, MissRateProxy.train(s, List.of(s.fullSize()),
                List.of(new double[s.size()]), 1));
        Random rnd = new Random(5);
        int over = 0;
        for (int k = 0; k < 2000; k++) {
            Solution sol = problem.newSolution();
            int n = s.size();
            for (int i = 0; i < n; i++) {
                int levels = s.variantIds().get(i).size();
                EncodingUtils.setInt(sol.getVariable(i), rnd.nextInt(levels));
                EncodingUtils.setInt(sol.getVariable(n + i), 1 + rnd.nextInt(n));
                EncodingUtils.setInt(sol.getVariable(2 * n + i), rnd.nextInt(levels));
            }
            problem.evaluate(sol);
            Candidate c = problem.decode(sol);
            long bytes = 0;
            for (int i = 0; i < s.size(); i++) {
                assertTrue(c.keptFrom(i) <= c.variant(i), c.toString());
                bytes += StrategySpace.keptBytes(RtmdlOptimizerTest.scenario.model(
                        RtmdlOptimizerTest.scenario.tasks().get(i).model()), c.keptFrom(i), 1);
            }
            assertEquals(bytes, s.storageOf(c));
            boolean violated = sol.getConstraint(s.size()) > 0;
            assertEquals(bytes > bound, violated, c + " needs " + bytes + " of " + bound);
            over += violated ? 1 : 0;
        }
        assertTrue(over > 0 && over < 2000, "the bound splits the random strategies: " + over + " over");
    }
}
