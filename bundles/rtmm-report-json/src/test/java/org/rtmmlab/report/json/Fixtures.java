package org.rtmmlab.report.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/** A small hand-made run: two tasks, two accelerators, a few records. */
final class Fixtures {

    private Fixtures() {
    }

    static RunConfig config() {
        return new RunConfig("xrbench/VR_gaming", "xrbench/Dual_4K__WS_OS", "edf", 42, 0, true,
                Map.of("blockLayers", "2", "alpha", "x"), List.of("json", "csv"));
    }

    static RunInfo info() {
        Model m = Model.of("M", "", List.of(Layer.conv("l0", 1, 1, 1, 1, 1, 1, 1)));
        Scenario s = new Scenario("xrbench/VR_gaming", "", List.of(m),
                List.of(Task.periodic("ES", "M", 16_666_667L), Task.periodic("GE, gaze", "M", 16_666_667L)),
                List.of(), 700_000_000L);
        Platform p = new Platform("xrbench/Dual_4K__WS_OS", "", List.of(Accelerator.builder("acc0", "table").build(),
                Accelerator.builder("acc1", "table").build()));
        return new RunInfo(config(), s, p, "0.1.0-test");
    }

    static RunResult result() {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("xrbench.score", 86.466141);
        metrics.put("uxcost", Double.NaN);
        metrics.put("energy.ref.ratio", Double.POSITIVE_INFINITY);
        TaskResult es = new TaskResult("ES", "M", new FrameCounts(3, 2, 0, 1, 0), 70.659429, Map.of("latency.p95.ms",
                1.503136));
        TaskResult ge = new TaskResult("GE, gaze", "M", new FrameCounts(1, 0, 0, 0, 1), 0, Map.of());
        return new RunResult(config(), "0.1.0-test", 700_000_000L, new FrameCounts(4, 2, 0, 1, 1), 70.659429,
                List.of(es, ge), metrics);
    }

    static List<RequestRecord> requests() {
        return List.of(
                new RequestRecord(0, "ES", "M", "full", 0, 0, 16_666_667L, 1_000, 1_504_136, Outcome.ON_TIME,
                        DropCause.NONE, 35_329_714_452.86401, "acc0", 1.0),
                new RequestRecord(1, "ES", "M", "full", 1, 16_666_667L, 33_333_334L, -1, 33_400_000L,
                        Outcome.DROPPED, DropCause.DEADLINE, 0, "", 1.0),
                new RequestRecord(2, "GE, gaze", "M", "w0.5", 0, 690_000_000L, 706_666_667L, 695_000_000L, -1,
                        Outcome.IN_FLIGHT, DropCause.NONE, 12.5, "acc0+acc1", 0.875));
    }

    static List<BlockRecord> blocks() {
        return List.of(
                new BlockRecord(0, "ES", 0, 0, 0, 42, 1_000, 1_504_136, 0, 35_329_714_452.86401, 1.0),
                new BlockRecord(2, "GE, gaze", 0, 1, 3, 2, 695_000_000L, 695_000_500L, 250, 12.5, 0.5));
    }
}
