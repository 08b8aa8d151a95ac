package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.testkit.engine.RecordedTwinRun;

/**
 * RT-mDL with its precomputed sub-task runs ({@link LayerRuns}) and stream jobs found by binary search decides as the
 * layer-walking scan it replaced ({@link RtmdlScanScheduler}) at every decision point of real engine runs, for rtmdl
 * and each ablation: the run is made once with each ({@link RecordedTwinRun}: decisions applied as they are made, as
 * RT-mDL reads the view's free shares after its own dispatches within a call), and the decisions (dispatches with
 * their shares, drops, variant selections, in order) at every decision point must be equal. Runs: the RT-mDL edge set
 * with CPU stages and the strategy of {@code examples/strategies}, overload on XRBench (AR_Assistant on two
 * accelerators), and the H100 set.
 */
class RtmdlSchedulerEquivalenceTest {

    private static final Path STRATEGY = Path.of("../../examples/strategies/rtmdl-edge-mix.json");

    @ParameterizedTest
    @CsvSource({
        "rtmdl, rtmdl/edge-mix, rtmdl/edge-gpu-cpu, 3, strategy",
        "rtmdl-nopack, rtmdl/edge-mix, rtmdl/edge-gpu-cpu, 2, strategy",
        "rtmdl-nosplit, rtmdl/edge-mix, rtmdl/edge-gpu-cpu, 2, strategy",
        "rtmdl-noscale, rtmdl/edge-mix, rtmdl/edge-gpu-cpu, 2, strategy",
        "rtmdl, rtmdl/edge-mix, rtmdl/edge-gpu-cpu, 2, ''",
        "rtmdl, xrbench/AR_Assistant, xrbench/Dual_4K__WS_OS, 3, ''",
        "rtmdl, xrbench/AR_Assistant, xrbench/Quad_8K__WS_OS_WS_OS, 2, 'dropLate=false'"})
    void theTablesDecideAsTheScan(String id, String scenario, String platform, long seconds, String props) {
        Map<String, String> run = new TreeMap<>();
        for (String kv : props.isEmpty() ? new String[0] : props.split(",")) {
            if (kv.equals("strategy")) {
                run.put("strategy", STRATEGY.toAbsolutePath().normalize().toString());
            } else {
                run.put(kv.split("=")[0], kv.split("=")[1]);
            }
        }
        SchedulerPolicy policy = switch (id) {
            case "rtmdl-nopack" -> new RtmdlNoPackPolicy();
            case "rtmdl-nosplit" -> new RtmdlNoSplitPolicy();
            case "rtmdl-noscale" -> new RtmdlNoScalePolicy();
            default -> new RtmdlPolicy();
        };
        Map<String, String> fixed = switch (id) {
            case "rtmdl-nopack" -> Map.of("packing", "false");
            case "rtmdl-nosplit" -> Map.of("split", "false");
            case "rtmdl-noscale" -> Map.of("scaling", "false");
            default -> Map.of();
        };
        RecordedTwinRun.Counts checked = RecordedTwinRun.of(policy, policy::create, c -> {
            Map<String, String> all = new TreeMap<>(c.properties());
            all.putAll(fixed);
            return new RtmdlScanScheduler(RtmdlSettings.read("rtmdl", Map.of(), Map.of(), all), c.scenario(),
                    c.costs());
        }, scenario, platform, seconds * 1_000_000_000L).withProperties(run).run();
        String what = id + " " + run + " " + scenario + " on " + platform + ": " + checked;
        assertTrue(checked.decisions() >= 100 && checked.dispatches() >= 100, what);
        assertTrue(!run.containsKey("strategy") || id.equals("rtmdl-noscale") || checked.selections() > 0, what);
    }
}
