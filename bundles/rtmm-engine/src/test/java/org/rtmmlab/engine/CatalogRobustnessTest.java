package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.catalog.CatalogListing;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** One broken plugin must not take the catalog (listings, look-ups, other plugins' runs) down. */
class CatalogRobustnessTest {

    /** A provider whose listing or loading throws. */
    private static final class BrokenProvider implements ScenarioProvider {
        private final boolean listThrows;

        BrokenProvider(boolean listThrows) {
            this.listThrows = listThrows;
        }

        @Override
        public String id() {
            return listThrows ? "broken-list" : "broken-load";
        }

        @Override
        public String description() {
            return "test: throws";
        }

        @Override
        public List<Info> scenarios() {
            if (listThrows) {
                throw new IllegalStateException("listing failed\nsecond line");
            }
            return List.of(new Info("broken/s", "a scenario that cannot load"));
        }

        @Override
        public Scenario load(String id) {
            throw new IllegalStateException("cannot read my resource");
        }
    }

    @Test
    void aPluginWithoutAnIdIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PluginDescriptor(
                PluginKind.SCHEDULER, null, "d", "b", "1", Policies.fifo()));
        assertTrue(e.getMessage().contains("has no id (id() returned null)"), e.getMessage());
        PluginDescriptor d = new PluginDescriptor(PluginKind.SCHEDULER, "x", null, null, null, Policies.fifo());
        assertEquals("", d.description());
        assertEquals("?", d.bundle());
    }

    @Test
    void aProviderThatFailsToListIsSkippedWithOneLineAndTheOthersStillWork() {
        Lab lab = new Lab();
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 10 * Lab.MS)), List.of(),
                30 * Lab.MS);
        List<String> problems = new ArrayList<>();
        lab.catalog.onProblem(problems::add);
        lab.add(PluginKind.SCENARIO_PROVIDER, new BrokenProvider(true));
        assertEquals(1, lab.catalog.scenarios().size(), "the good provider's scenario is still listed");
        assertTrue(problems.get(0).startsWith("scenario provider 'broken-list' failed to list its scenarios, skipped:")
                && problems.get(0).contains("listing failed / second line"), problems.get(0));
        assertTrue(CatalogListing.lines(lab.catalog, true).contains("scenarios (1):"));
        assertEquals(3, lab.evaluator.run(Lab.config("s", "one", "fifo", 1, 0, false, java.util.Map.of()), null,
                null).frames().released(), "runs of other plugins are unaffected");
    }

    @Test
    void aProviderThatFailsToLoadIsAnInputErrorForThatScenarioOnly() {
        Lab lab = new Lab();
        lab.add(PluginKind.SCENARIO_PROVIDER, new BrokenProvider(false));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.catalog.scenario("broken/s"));
        assertEquals("scenario provider broken-load: broken/s: failed to load: java.lang.IllegalStateException:"
                + " cannot read my resource", e.getMessage());
    }

    @Test
    void aCostModelThatFailsToListPlatformsIsSkipped() {
        Lab lab = new Lab();
        lab.single();
        List<String> problems = new ArrayList<>();
        lab.catalog.onProblem(problems::add);
        lab.add(PluginKind.ACCELERATOR_MODEL, new org.rtmmlab.api.platform.AcceleratorModel() {
            @Override
            public String id() {
                return "broken-platforms";
            }

            @Override
            public String description() {
                return "test: platforms() throws";
            }

            @Override
            public org.rtmmlab.api.platform.LayerCost layerCost(org.rtmmlab.api.workload.Model model, int variant,
                                                              int layer, org.rtmmlab.api.platform.Accelerator a) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Platform> platforms() {
                throw new IllegalStateException("no platforms today");
            }
        });
        assertEquals(List.of("one"), lab.catalog.platforms().stream().map(Platform::id).toList());
        assertTrue(problems.get(0).startsWith("cost model 'broken-platforms' failed to list its platforms"),
                problems.get(0));
    }
}
