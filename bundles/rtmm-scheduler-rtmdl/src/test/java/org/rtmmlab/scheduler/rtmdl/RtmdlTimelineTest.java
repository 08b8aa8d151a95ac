package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * Hand-computed timelines through the real engine. Cost model {@code hand}: a layer takes K ms on the whole
 * accelerator and ceil(K ms / share) on a share (the API default); HOST stages run only on the CPU. One frame per
 * task, released at 0; the latency of each task's only frame is its p50.
 */
class RtmdlTimelineTest {

    private static final long MS = 1_000_000L;

    private static final AcceleratorModel HAND = new AcceleratorModel() {
        @Override
        public String id() {
            return "hand";
        }

        @Override
        public String description() {
            return "K ms per layer";
        }

        @Override
        public LayerCost layerCost(Model model, int variant, int layer, Accelerator accelerator) {
            return new LayerCost(model.layersOf(variant).get(layer).k() * MS, 0);
        }

        @Override
        public List<Platform> platforms() {
            return List.of(new Platform("hand/gpu-cpu", "", List.of(
                    Accelerator.builder("gpu", "hand").kind(AcceleratorKind.GPU).partitions(2).build(),
                    Accelerator.builder("cpu0", "hand").kind(AcceleratorKind.CPU).build())));
        }
    };

    private static Layer conv(String name, int ms) {
        return Layer.conv(name, 1, ms, 1, 1, 1, 1, 1);
    }

    private static double[] latencies(List<Model> models, List<Task> tasks, Map<String, String> props) {
        Scenario s = new Scenario("hand/s", "", models, tasks, List.of(), 50 * MS);
        ScenarioProvider provider = new ScenarioProvider() {
            @Override
            public String id() {
                return "hand";
            }

            @Override
            public String description() {
                return "hand scenario";
            }

            @Override
            public List<Info> scenarios() {
                return List.of(new Info(s.id(), ""));
            }

            @Override
            public Scenario load(String id) {
                return s;
            }
        };
        DefaultPluginCatalog catalog = new DefaultPluginCatalog();
        add(catalog, PluginKind.SCENARIO_PROVIDER, provider);
        add(catalog, PluginKind.ACCELERATOR_MODEL, HAND);
        add(catalog, PluginKind.SCHEDULER, new RtmdlPolicy());
        RunResult r = new Evaluator(catalog).run(new RunConfig(s.id(), "hand/gpu-cpu", "rtmdl", 1, 0, false, props,
                List.of()), null, w -> { });
        return r.perTask().stream().mapToDouble(t -> t.metrics().get("latency.p50.ms")).toArray();
    }

    private static void add(DefaultPluginCatalog c, PluginKind kind, RtmmPlugin p) {
        c.add(new PluginDescriptor(kind, p.id(), p.description(), "test", "0", p));
    }

    private static Task task(String id, String model, int priority) {
        return new Task(id, model, 100 * MS, 100 * MS, 0, 0, priority, null, 1.0, true);
    }

    /**
     * A = pre 2, conv 4, post 1 (priority 2); B = pre 1, conv 3, post 1 (priority 1); one CPU core. A: pre 0-2, conv
     * 2-6 (alone, whole GPU), post 6-7. B: pre 2-3 on the CPU while A is on the GPU; it is packed into the low stream
     * at 3 but A's layer holds the whole GPU, so B's conv runs 6-9 (alone: whole GPU), post 9-10. Without the split B
     * starts only when A has finished: pre 7-8, conv 8-11, post 11-12.
     */
    @Test
    void cpuStageOfALowerPriorityTaskRunsWhileAHigherOneIsOnTheGpu() {
        List<Model> models = List.of(
                Model.of("A", "", List.of(Layer.host("pre", 2), conv("g", 4), Layer.host("post", 1))),
                Model.of("B", "", List.of(Layer.host("pre", 1), conv("g", 3), Layer.host("post", 1))));
        List<Task> tasks = List.of(task("a", "A", 2), task("b", "B", 1));
        assertEquals("[7.0, 10.0]", java.util.Arrays.toString(latencies(models, tasks, Map.of())));
        assertEquals("[7.0, 12.0]", java.util.Arrays.toString(latencies(models, tasks, Map.of("split", "false"))));
    }

    /**
     * X = conv 2, conv 2 (priority 2), Y = conv 3 (priority 1), util 0.4 each: at 0 X goes to the high stream and Y
     * packs into the low one (1 < 2, 0.4 + 0.4 < 1). X's layers run on share 0.6: ceil(2 ms / 0.6) = 3.333334 ms
     * each, X ends at 6.666668 ms; Y runs on share 0.4: 3 / 0.4 = 7.5 ms. Without packing X runs whole (0-4 ms) and Y
     * after it (4-7 ms). With theta 0.8, 0.4 + 0.4 is not below it: no packing.
     */
    @Test
    void packingSharesTheGpuBetweenTwoStreams() {
        List<Model> models = List.of(Model.of("X", "", List.of(conv("g1", 2), conv("g2", 2))),
                Model.of("Y", "", List.of(conv("g", 3))));
        List<Task> tasks = List.of(task("x", "X", 2), task("y", "Y", 1));
        assertEquals("[6.666668, 7.5]", java.util.Arrays.toString(latencies(models, tasks, Map.of())));
        assertEquals("[4.0, 7.0]", java.util.Arrays.toString(latencies(models, tasks, Map.of("packing", "false"))));
        assertEquals("[4.0, 7.0]", java.util.Arrays.toString(latencies(models, tasks, Map.of("theta", "0.8"))));
    }
}
