package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * rtmdl, its ablations and the single-priority baselines edf and fcfs (which keep CPU stages on CPU cores through
 * the view's {@code supported}) on both RT-mDL task sets: every run ends with every frame accounted; prints the miss
 * rates (a figure, not an assertion).
 */
class RtmdlComparisonTest {

    private static final Evaluator EVALUATOR = new Evaluator(ServiceLoaderCatalog.load(
            RtmdlComparisonTest.class.getClassLoader(), e -> { }));

    private static RunResult run(String scenario, String platform, String scheduler, Map<String, String> props) {
        return EVALUATOR.run(new RunConfig(scenario, platform, scheduler, 1, 2_000_000_000L, false, props, List.of()),
                null, w -> { });
    }

    @Test
    void everySchedulerRunsBothTaskSets() {
        for (String[] sp : new String[][] {{"rtmdl/edge-mix", "rtmdl/edge-gpu-cpu"},
                {"rtmdl/h100-mix", "rtmdl/h100-cpu"}}) {
            String strategy = java.nio.file.Path.of("../../examples/strategies/rtmdl-edge-mix.json").toString();
            for (Object[] s : new Object[][] {{"rtmdl", Map.of()}, {"rtmdl-nopack", Map.of()},
                    {"rtmdl", sp[0].equals("rtmdl/edge-mix") ? Map.of("strategy", strategy) : Map.of()},
                    {"rtmdl-nosplit", Map.of()}, {"edf", Map.of()}, {"fcfs", Map.of()}}) {
                @SuppressWarnings("unchecked")
                RunResult r = run(sp[0], sp[1], (String) s[0], (Map<String, String>) s[1]);
                FrameCounts f = r.frames();
                assertTrue(f.released() > 0);
                assertEquals(f.released(), f.onTime() + f.late() + f.dropped() + f.inFlight(), f.toString());
                System.out.printf("[rtmdl figure] %s on %s, %s %s: released %d, on time %d, late %d, dropped %d,"
                        + " in flight %d, not on time %.4f%n", sp[0], sp[1], s[0], s[1], f.released(), f.onTime(),
                        f.late(), f.dropped(), f.inFlight(), 1 - (double) f.onTime() / f.released());
            }
        }
    }

    /**
     * Ablation "without scaling": rtmdl-noscale with a strategy that scales detect, depth and hands and reorders the
     * priorities runs exactly as rtmdl with the same priorities and no variant (every per-task frame count equal),
     * and differs from rtmdl with the strategy (the scaled models finish sooner).
     */
    @Test
    void noScaleRunsTheFullModelsWithTheStrategysPriorities(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        String tasks = "\"detect\": {%s\"priority\": 1}, \"depth\": {%s\"priority\": 3},"
                + " \"hands\": {%s\"priority\": 2}, \"eyes\": {\"priority\": 3}, \"keyword\": {\"priority\": 2}";
        java.nio.file.Path scaled = tmp.resolve("scaled.json");
        java.nio.file.Path full = tmp.resolve("full.json");
        java.nio.file.Files.writeString(scaled, "{\"version\": 1, \"tasks\": {" + String.format(tasks,
                "\"variant\": \"w0.5\", ", "\"variant\": \"w0.5\", ", "\"variant\": \"w0.75\", ") + "}}");
        java.nio.file.Files.writeString(full, "{\"version\": 1, \"tasks\": {" + String.format(tasks, "", "", "")
                + "}}");
        RunResult noScale = run("rtmdl/edge-mix", "rtmdl/edge-gpu-cpu", "rtmdl-noscale",
                Map.of("strategy", scaled.toString()));
        RunResult fullModels = run("rtmdl/edge-mix", "rtmdl/edge-gpu-cpu", "rtmdl", Map.of("strategy", full.toString()));
        RunResult withScaling = run("rtmdl/edge-mix", "rtmdl/edge-gpu-cpu", "rtmdl",
                Map.of("strategy", scaled.toString()));
        assertEquals(fullModels.perTask().stream().map(t -> t.task() + " " + t.frames()).toList(),
                noScale.perTask().stream().map(t -> t.task() + " " + t.frames()).toList());
        assertTrue(!withScaling.frames().equals(noScale.frames()), "scaling must change the run: "
                + withScaling.frames());
    }
}
