package org.rtmmlab.scheduler.planaria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * {@link PlanariaScheduler} (incremental {@link Backlog}, allocation-free {@link Allocation}) decides exactly as the
 * scan it replaced ({@link ScanPlanariaScheduler}, main's code before issue 15) at every decision point of real engine
 * runs: both decide on the same state (and both observe every ended request); their dispatches (job, accelerator,
 * layers, share) must be equal. The checked one's are applied as it makes them, as in a real run; the scan decides
 * first on a {@link PendingView} that shows its own dispatches of the call as applied (a second job granted a share
 * of a partly busy accelerator sees the first one's share taken). The testkit's {@code TwinRun} applies
 * whole-accelerator dispatches only, after both decided, and does not pass {@code observe} on, which Planaria
 * re-allocates on, hence this twin. Cells: AR_Assistant on Dual_4K__WS_OS (the overload of the benchmark) and on
 * Single_4K__RS (a backlog of hundreds), VR_gaming on Quad_8K, and, for spatial shares, XRBench platforms with each
 * accelerator split into 4 partitions (AR_gaming with its cascades on Dual_4K; AR_Assistant overloaded on
 * Single_4K, with and without spare sharing and with 2-layer blocks).
 */
class PlanariaEquivalenceTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** What a twin run went through. */
    private record Counts(int decisions, int dispatches, int shareDispatches, int maxJobs) {
    }

    @Test
    void underTheOverloadOfTheBenchmark() {
        Counts c = run("xrbench/AR_Assistant", "xrbench/Dual_4K__WS_OS", 20 * SECOND, Map.of());
        assertTrue(c.dispatches() > 10_000, "dispatches " + c.dispatches());
    }

    @Test
    void underOverloadWithABacklogOfHundreds() {
        Counts c = run("xrbench/AR_Assistant", "xrbench/Single_4K__RS", 20 * SECOND, Map.of());
        assertTrue(c.maxJobs() >= 300, "backlog reached " + c.maxJobs());
    }

    @Test
    void onFourWholeAccelerators() {
        Counts c = run("xrbench/VR_gaming", "xrbench/Quad_8K__WS_OS_WS_OS", 2 * SECOND, Map.of());
        assertTrue(c.dispatches() > 10_000, "dispatches " + c.dispatches());
    }

    @Test
    void onSpatialSharesWithCascades() throws IOException {
        Counts c = run("xrbench/AR_gaming", pods("Dual_4K__WS_OS"), 5 * SECOND, Map.of());
        assertTrue(c.shareDispatches() > 10_000, "dispatches of a share below 1: " + c.shareDispatches());
    }

    @Test
    void onSpatialSharesUnderOverload() throws IOException {
        String pods = pods("Single_4K__RS");
        for (Map<String, String> p : List.of(Map.<String, String>of(), Map.of("shareSpare", "false"),
                Map.of("blockLayers", "2"))) {
            Counts c = run("xrbench/AR_Assistant", pods, 10 * SECOND, p);
            assertTrue(c.shareDispatches() > 1000, p + ": dispatches of a share below 1: " + c.shareDispatches());
            assertTrue(c.maxJobs() >= 100, p + ": backlog reached " + c.maxJobs());
        }
    }

    /** @return a platform file: XRBench's {@code platform} with each accelerator split into 4 spatial partitions */
    private String pods(String platform) throws IOException {
        String json;
        try (InputStream in = Evaluator.class.getClassLoader().getResourceAsStream(
                "org/rtmmlab/accelerator/table/platforms/" + platform + ".json")) {
            assertTrue(in != null, "the XRBench platform is on the test class path");
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String split = json.replace("\"partitions\": 1", "\"partitions\": 4")
                .replace("\"xrbench/" + platform + "\"", "\"test/" + platform + "_pods\"");
        int accelerators = json.split("\"partitions\": ", -1).length - 1;
        assertTrue(accelerators > 0 && split.split("\"partitions\": 4", -1).length - 1 == accelerators,
                "every accelerator split");
        Path file = dir.resolve(platform + "_pods.json");
        Files.writeString(file, split);
        return file.toString();
    }

    private static Counts run(String scenario, String platform, long durationNs, Map<String, String> properties) {
        Twins twins = new Twins();
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(PlanariaEquivalenceTest.class.getClassLoader(),
                e -> { });
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, twins.id(), "", "test", "0", twins));
        new Evaluator(catalog).run(new RunConfig(scenario, platform, twins.id(), 1, durationNs, false, properties,
                List.of()), null, null);
        assertTrue(twins.decisions > 0, "the run called the scheduler");
        return new Counts(twins.decisions, twins.dispatches, twins.shareDispatches, twins.maxJobs);
    }

    /** Planaria run twice per call: the incremental scheduler and the scan. */
    private static final class Twins implements SchedulerPolicy {
        int decisions;
        int dispatches;
        int shareDispatches;
        int maxJobs;

        @Override
        public String id() {
            return "twin-planaria";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<PropertySpec> properties() {
            return PlanariaSettings.SPECS;
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            PlanariaSettings settings = PlanariaSettings.read(Map.of(), context.properties());
            Scheduler checked = new PlanariaScheduler(settings);
            Scheduler reference = new ScanPlanariaScheduler(settings);
            PendingView pending = new PendingView();
            return new Scheduler() {
                @Override
                public void decide(SchedulerView view, Decisions sink) {
                    // the scan decides first on a view that shows its own dispatches of this call as applied; the
                    // checked scheduler then decides on the engine's view, each dispatch applied as it is made
                    List<String> b = new ArrayList<>();
                    PendingView shown = pending.begin(view);
                    reference.decide(shown, logging(b, (j, acc, layers, share) -> shown.dispatched(j, acc, share)));
                    List<String> a = new ArrayList<>();
                    checked.decide(view, logging(a, (j, acc, layers, share) -> {
                        sink.dispatch(j, acc, layers, share);
                        shareDispatches += share < 1 ? 1 : 0;
                    }));
                    if (!a.equals(b)) {
                        assertEquals(b, a, "at " + view.now() + " ns with " + view.jobCount() + " jobs");
                    }
                    decisions++;
                    dispatches += a.size();
                    maxJobs = Math.max(maxJobs, view.jobCount());
                }

                @Override
                public void observe(RequestRecord record) {
                    checked.observe(record);
                    reference.observe(record);
                }
            };
        }

        /** What becomes of a logged dispatch. */
        private interface Dispatch {
            void apply(int job, int accelerator, int layers, double share);
        }

        private static Decisions logging(List<String> log, Dispatch then) {
            return new Decisions() {
                @Override
                public void dispatch(int job, int accelerator, int layers, double share) {
                    log.add(job + " " + accelerator + " " + layers + " " + share);
                    then.apply(job, accelerator, layers, share);
                }

                @Override
                public void drop(int job) {
                    log.add("drop " + job);
                }

                @Override
                public void selectVariant(int job, int variant) {
                    log.add("variant " + job);
                }

                @Override
                public void restart(int job) {
                    log.add("restart " + job);
                }

                @Override
                public void wakeAt(long timeNs) {
                    log.add("wake " + timeNs);
                }
            };
        }
    }
}
