package org.rtmmlab.optimizer.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * The optimiser on rtmdl/edge-mix with the real engine and the rtmdl scheduler (small search sizes and short runs so
 * it stays quick): it meets every zeta where the full-size models miss, and a seed gives the same strategy file.
 */
class RtmdlOptimizerTest {

    static final String SCENARIO = "rtmdl/edge-mix";
    static final String PLATFORM = "rtmdl/edge-gpu-cpu";
    static final PluginCatalog CATALOG = ServiceLoaderCatalog.load(RtmdlOptimizerTest.class.getClassLoader(),
            e -> { });
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static Scenario scenario;

    @TempDir
    Path tmp;

    @BeforeAll
    static void resolve() {
        scenario = EVALUATOR.scenario(SCENARIO);
    }

    private OptimizerResult optimize(OptimizerSettings settings) {
        StrategySpace space = StrategySpace.of(scenario, Map.of(), fullBytes(), 1);
        StrategySimulator sim = new StrategySimulator(EVALUATOR, space, profile(), SCENARIO, PLATFORM,
                settings.seed(), settings.durationNs(), tmp);
        return new RtmdlOptimizer(space, sim, settings).optimize((d, t, p) -> { });
    }

    /**
     * The headline's task set, rtmdl/edge-mix-steps (FLOPs-step levels with a private head per level), under a 400 MB
     * bound that the full models (479.3 MB) exceed: the verified strategy meets every zeta, keeps at most 400 MB with
     * the private heads of every kept level, and runs some task below full size, while the full models miss.
     */
    @Test
    void meetsEveryZetaOnTheFlopsStepLevelsUnderAStorageBoundTheFullModelsExceed() {
        Scenario steps = EVALUATOR.scenario(StorageBoundTest.STEPS);
        long bound = 400_000_000L;
        StrategySpace space = StrategySpace.of(steps, Map.of(), bound, 1);
        assertTrue(space.storageOf(space.fullSize()) > bound, "the full models must not fit the bound");
        OptimizerSettings settings = new OptimizerSettings(1, 16, 4, 20, 400, 3, 4_000_000_000L);
        StrategySimulator sim = new StrategySimulator(EVALUATOR, space, GpuProfile.of(steps, EVALUATOR.platform(PLATFORM),
                CATALOG::acceleratorModel), StorageBoundTest.STEPS, PLATFORM, settings.seed(), settings.durationNs(), tmp);
        OptimizerResult r = new RtmdlOptimizer(space, sim, settings).optimize((d, t, p) -> { });
        boolean fullMisses = false;
        boolean scaled = false;
        for (int i = 0; i < space.size(); i++) {
            fullMisses |= r.fullSizeMiss()[i] > space.zeta()[i];
            scaled |= r.chosen().variant(i) > 0;
            assertTrue(r.simulated()[i] <= space.zeta()[i], space.tasks().get(i));
        }
        System.out.printf("[optimizer figure] edge-mix-steps: loss %.4f, storage %d of %d bytes, proxy MAE %.4f%n",
                r.loss(), r.storageBytes(), bound, r.proxyMae());
        assertTrue(fullMisses, "the full-size models must miss some zeta on edge-mix-steps");
        assertTrue(r.meetsTolerances() && scaled, r.chosen().toString());
        assertTrue(r.storageBytes() <= bound);
    }

    static GpuProfile profile() {
        return GpuProfile.of(scenario, EVALUATOR.platform(PLATFORM), CATALOG::acceleratorModel);
    }

    static long fullBytes() {
        StrategySpace s = StrategySpace.of(scenario, Map.of(), Long.MAX_VALUE, 1);
        return s.storageOf(s.fullSize());
    }

    @Test
    void meetsEveryZetaWhereTheFullSizeModelsMiss() {
        OptimizerResult r = optimize(new OptimizerSettings(1, 16, 4, 20, 400, 3, 4_000_000_000L));
        StrategySpace s = r.space();
        boolean fullMisses = false;
        for (int i = 0; i < s.size(); i++) {
            fullMisses |= r.fullSizeMiss()[i] > s.zeta()[i];
            System.out.printf("[optimizer figure] %s: variant %s priority %d, miss %.4f (full size %.4f,"
                    + " predicted %.4f) zeta %.2f%n", s.tasks().get(i), s.variantIds().get(i).get(r.chosen().variant(i)),
                    r.chosen().priority(i), r.simulated()[i], r.fullSizeMiss()[i], r.predicted()[i], s.zeta()[i]);
        }
        System.out.printf("[optimizer figure] loss %.4f, storage %d of %d bytes, proxy held-out MAE %.4f%n", r.loss(),
                r.storageBytes(), s.boundBytes(), r.proxyMae());
        assertTrue(fullMisses, "the full-size models must miss some zeta on edge-mix");
        assertTrue(r.meetsTolerances(), "no strategy meeting every zeta: " + r.chosen());
        for (int i = 0; i < s.size(); i++) {
            assertTrue(r.simulated()[i] <= s.zeta()[i], s.tasks().get(i));
        }
        assertTrue(r.storageBytes() <= s.boundBytes());
        assertTrue(r.proxyMae() >= 0 && r.proxyMae() < 1, "proxy MAE " + r.proxyMae());
    }

    @Test
    void sameSeedSameStrategyFile() {
        OptimizerSettings settings = new OptimizerSettings(7, 8, 2, 12, 120, 1, 2_000_000_000L);
        OptimizerResult a = optimize(settings);
        OptimizerResult b = optimize(settings);
        assertEquals(a.chosen(), b.chosen());
        assertEquals(StrategyFile.json(a.space(), profile(), a.chosen(), a.notes(SCENARIO, PLATFORM)),
                StrategyFile.json(b.space(), profile(), b.chosen(), b.notes(SCENARIO, PLATFORM)));
    }
}
