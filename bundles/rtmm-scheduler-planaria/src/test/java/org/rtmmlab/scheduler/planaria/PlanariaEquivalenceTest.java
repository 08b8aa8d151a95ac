package org.rtmmlab.scheduler.planaria;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.testkit.engine.RecordedTwinRun;
import org.rtmmlab.testkit.engine.RecordedTwinRun.Counts;

/**
 * {@link PlanariaScheduler} (incremental {@link Backlog}, allocation-free {@link Allocation}) decides exactly as the
 * scan it replaced ({@link ScanPlanariaScheduler}, main's code before issue 15) at every decision point of real engine
 * runs: each run is made once with each ({@link RecordedTwinRun}: dispatches applied as they are made, so a second
 * job granted a share of a partly busy accelerator sees the first one's share taken; both observe every ended
 * request, which Planaria re-allocates on); their decisions (job, accelerator, layers, share) must be equal. Cells:
 * AR_Assistant on Dual_4K__WS_OS (the overload of the benchmark) and on Single_4K__RS (a backlog of hundreds),
 * VR_gaming on Quad_8K, and, for spatial shares, XRBench platforms with each accelerator split into 4 partitions
 * (AR_gaming with its cascades on Dual_4K; AR_Assistant overloaded on Single_4K, with and without spare sharing and
 * with 2-layer blocks).
 */
class PlanariaEquivalenceTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;
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
        PlanariaPolicy policy = new PlanariaPolicy();
        Counts c = RecordedTwinRun.of(policy,
                ctx -> new PlanariaScheduler(PlanariaSettings.read(Map.of(), ctx.properties())),
                ctx -> new ScanPlanariaScheduler(PlanariaSettings.read(Map.of(), ctx.properties())), scenario,
                platform, durationNs).withProperties(properties).run();
        assertTrue(c.decisions() > 0, "the run called the scheduler");
        return c;
    }
}
