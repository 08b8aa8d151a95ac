package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * rtmdl on the RT-mDL workload through the real engine, plugins found with ServiceLoader: the edge task set with CPU
 * stages on {@code rtmdl/edge-gpu-cpu} (analytic GPU with two streams + 4-core CPU).
 */
class RtmdlRunTest {

    private static Evaluator evaluator;

    @BeforeAll
    static void catalog() {
        evaluator = new Evaluator(ServiceLoaderCatalog.load(RtmdlRunTest.class.getClassLoader(), e -> { }));
    }

    private static RunResult run(Map<String, String> properties) {
        return evaluator.run(new RunConfig("rtmdl/edge-mix", "rtmdl/edge-gpu-cpu", "rtmdl", 1, 1_000_000_000L, false,
                properties, List.of()), null, w -> { });
    }

    private static void accounted(FrameCounts f) {
        assertTrue(f.released() > 0);
        assertEquals(f.released(), f.onTime() + f.late() + f.dropped() + f.inFlight(), f.toString());
    }

    @Test
    void packingPacksASecondStreamAndTheAblationDoesNot() {
        RunResult packed = run(Map.of());
        accounted(packed.frames());
        assertTrue(packed.metrics().get("rtmdl.packedDispatches") > 0, packed.metrics().toString());
        assertTrue(packed.metrics().get("rtmdl.cpuDispatches") > 0);
        RunResult single = run(Map.of("packing", "false"));
        accounted(single.frames());
        assertEquals(0.0, single.metrics().get("rtmdl.packedDispatches"));
        assertEquals(packed.frames().released(), single.frames().released());
    }

    @Test
    void withoutTheSplitOneJobRunsAtATime() {
        RunResult r = run(Map.of("split", "false"));
        accounted(r.frames());
        assertEquals(0.0, r.metrics().get("rtmdl.packedDispatches"));
    }

    @Test
    void strategyFileSelectsVariantsAndPriorities(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("strategy.json");
        Files.writeString(s, "{\"version\": 1, \"tasks\": {\"detect\": {\"variant\": \"w0.5\", \"priority\": 9,"
                + " \"util\": 0.4}, \"depth\": {\"variant\": \"w0.75\"}}}");
        RunResult r = run(Map.of("strategy", s.toString()));
        accounted(r.frames());
        // detect at w0.5 (MobileNet ratio 63.7/70.6) and depth at w0.75 (68.4/70.6): accuracy below 1 for both
        double detect = r.perTask().stream().filter(t -> t.task().equals("detect")).findFirst().orElseThrow()
                .metrics().get("accuracy.mean");
        assertEquals(63.7 / 70.6, detect, 1e-9);
        assertTrue(r.metrics().get("accuracy.loss") > 0);
    }

    @Test
    void badStrategyIsAOneLineInputError(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("strategy.json");
        Files.writeString(s, "{\"version\": 1, \"tasks\": {\"detect\": {\"variant\": \"w0.33\"}}}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(Map.of("strategy",
                s.toString())));
        assertTrue(e.getMessage().contains("tasks.detect.variant"), e.getMessage());
        assertTrue(e.getMessage().contains("w0.75, w0.5, w0.25"), e.getMessage());
        Files.writeString(s, "{\"version\": 1, \"tasks\": {\"nope\": {\"priority\": 2}}}");
        e = assertThrows(InvalidInputException.class, () -> run(Map.of("strategy", s.toString())));
        assertTrue(e.getMessage().contains("tasks.nope"), e.getMessage());
        Files.writeString(s, "{\"version\": 1, \"tasks\": {\"detect\": {\"util\": 1.5}}}");
        e = assertThrows(InvalidInputException.class, () -> run(Map.of("strategy", s.toString())));
        assertTrue(e.getMessage().contains("util"), e.getMessage());
    }
}
