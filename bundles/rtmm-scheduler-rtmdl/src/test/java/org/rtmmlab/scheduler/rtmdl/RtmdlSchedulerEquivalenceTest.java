package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * RT-mDL with its precomputed sub-task runs ({@link LayerRuns}) and stream jobs found by binary search decides as the
 * layer-walking scan it replaced ({@link RtmdlScanScheduler}) at every decision point of real engine runs, for rtmdl
 * and each ablation: the run is made once with each, and the decisions (dispatches with their shares, drops, variant
 * selections, in order) at every decision point must be equal (the runs being deterministic, they then see the same
 * views throughout). TwinRun of rtmm-testkit-engine does not fit: it applies whole-accelerator dispatches after both
 * decided, while RT-mDL reads the view's free shares after its own dispatches within a call. Runs: the RT-mDL edge set
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
        Recorded checked = record(policy, policy::create, scenario, platform, seconds, run);
        Recorded reference = record(policy, c -> {
            Map<String, String> all = new TreeMap<>(c.properties());
            all.putAll(fixed);
            return new RtmdlScanScheduler(RtmdlSettings.read("rtmdl", Map.of(), Map.of(), all), c.scenario(),
                    c.costs());
        }, scenario, platform, seconds, run);
        String what = id + " " + run + " " + scenario + " on " + platform + ": " + checked.decisions + " decisions, "
                + checked.dispatches + " dispatches, " + checked.drops + " drops, " + checked.variants + " variants";
        assertEquals(reference.log.size(), checked.log.size(), what);
        for (int i = 0; i < checked.log.size(); i++) {
            assertEquals(reference.log.get(i), checked.log.get(i), what + ", decision point " + i);
        }
        assertTrue(checked.decisions >= 100 && checked.dispatches >= 100, what);
        assertTrue(!run.containsKey("strategy") || id.equals("rtmdl-noscale") || checked.variants > 0, what);
    }

    private Recorded record(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> scheduler, String scenario,
                            String platform, long seconds, Map<String, String> run) {
        Recorded recorded = new Recorded(policy, scheduler);
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), e -> { });
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, recorded.id(), "", "test", "0", recorded));
        new Evaluator(catalog).run(new RunConfig(scenario, platform, recorded.id(), 1, seconds * 1_000_000_000L, false,
                run, List.of()), null, null);
        return recorded;
    }

    /**
     * The policy with one scheduler whose decisions are applied as it makes them (RT-mDL reads the view's free shares
     * after its own dispatches) and written down per decision point: time, jobs, decisions.
     */
    private static final class Recorded implements SchedulerPolicy {
        private final SchedulerPolicy policy;
        private final Function<SchedulerContext, Scheduler> scheduler;
        final List<String> log = new ArrayList<>();
        int decisions;
        int dispatches;
        int drops;
        int variants;

        Recorded(SchedulerPolicy policy, Function<SchedulerContext, Scheduler> scheduler) {
            this.policy = policy;
            this.scheduler = scheduler;
        }

        @Override
        public String id() {
            return "recorded-" + policy.id();
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public List<PropertySpec> properties() {
            return policy.properties();
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            Scheduler s = scheduler.apply(context);
            return (view, sink) -> {
                StringBuilder point = new StringBuilder().append(view.now()).append(" ns, ").append(view.jobCount())
                        .append(" jobs:");
                s.decide(view, new Decisions() {
                    @Override
                    public void dispatch(int job, int accelerator, int layers, double share) {
                        point.append(" dispatch ").append(job).append('@').append(accelerator).append('x')
                                .append(layers).append('/').append(share);
                        dispatches++;
                        sink.dispatch(job, accelerator, layers, share);
                    }

                    @Override
                    public void drop(int job) {
                        point.append(" drop ").append(job);
                        drops++;
                        sink.drop(job);
                    }

                    @Override
                    public void selectVariant(int job, int variant) {
                        point.append(" variant ").append(job).append('=').append(variant);
                        variants++;
                        sink.selectVariant(job, variant);
                    }

                    @Override
                    public void restart(int job) {
                        point.append(" restart ").append(job);
                        sink.restart(job);
                    }

                    @Override
                    public void wakeAt(long timeNs) {
                        point.append(" wake ").append(timeNs);
                        sink.wakeAt(timeNs);
                    }
                });
                log.add(point.toString());
                decisions++;
            };
        }
    }
}
