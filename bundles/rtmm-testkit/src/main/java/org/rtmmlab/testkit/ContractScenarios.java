package org.rtmmlab.testkit;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * The small scenarios and platforms of the {@link SchedulerPolicyContract}, priced by {@link FixedLatencyModel}, each
 * with an answer computable by hand (every layer has K = 1 and C = 1, so it takes {@code nsPerK} ns and 1 uJ).
 *
 * <ul>
 * <li>{@link #SINGLE} on {@link #ONE}: one task, 3 layers of 1 ms, period 10 ms, 100 ms: 10 frames, each needs 3 ms of
 * a 10 ms budget, so all 10 finish on time.</li>
 * <li>{@link #PAIR} on {@link #TWO}: a convolution model and a fully connected model, 2 layers each, period 20 ms,
 * 200 ms; {@code conv} runs convolutions in 1 ms and FC layers in 3 ms, {@code fc} the reverse. Even both models on
 * their worse accelerator one after the other take 8 ms &lt; 20 ms: 20 frames, all on time.</li>
 * <li>{@link #CASCADE} on {@link #ONE}: {@code detect} (2 ms, period 10 ms) triggers {@code track} (2 ms) on every
 * frame with probability 1; the cascade's deadline is 10 ms after the upstream's arrival: 10 + 10 frames on time,
 * each {@code track} frame released when its {@code detect} frame completes.</li>
 * <li>{@link #OVERLOAD} on {@link #ONE}: 8 ms of work every 5 ms for 100 ms: 20 frames released, at most
 * {@code floor(100 / 8) = 12} can complete; the rest end late, dropped or in flight.</li>
 * <li>{@link #SHARED} on {@link #FISSION}: a 2-layer and a 3-layer task, period 10 ms, 100 ms, on one accelerator with
 * 4 spatial partitions (a share {@code s} runs {@code 1/s} times slower): 20 frames; the shares running at once never
 * exceed the accelerator, and both tasks complete frames (whole-accelerator blocks take 2 and 3 ms).</li>
 * </ul>
 */
public final class ContractScenarios {

    /** One millisecond in ns. */
    public static final long MS = 1_000_000L;

    /** Scenario: one task on one accelerator. */
    public static final String SINGLE = "testkit/single";
    /** Scenario: two tasks on two heterogeneous accelerators. */
    public static final String PAIR = "testkit/pair";
    /** Scenario: a cascade of two tasks. */
    public static final String CASCADE = "testkit/cascade";
    /** Scenario: more work than one accelerator can do. */
    public static final String OVERLOAD = "testkit/overload";
    /** Scenario: two tasks on one spatially partitioned accelerator. */
    public static final String SHARED = "testkit/shared";

    /** Platform: one accelerator, 1 ms per layer. */
    public static final String ONE = "testkit/one";
    /** Platform: a convolution-fast and an FC-fast accelerator. */
    public static final String TWO = "testkit/two";
    /** Platform: one accelerator with 4 spatial partitions. */
    public static final String FISSION = "testkit/fission";

    private ContractScenarios() {
    }

    /** @return the contract's platforms, in a stable order */
    public static List<Platform> platforms() {
        Accelerator plain = accelerator("acc0").build();
        Accelerator conv = accelerator("conv").attribute("nsPerK.CONV", "1000000").attribute("nsPerK.FC", "3000000")
                .build();
        Accelerator fc = accelerator("fc").attribute("nsPerK.CONV", "3000000").attribute("nsPerK.FC", "1000000")
                .build();
        Accelerator fission = accelerator("pods").partitions(4).build();
        return List.of(new Platform(ONE, "testkit: one accelerator, 1 ms per layer", List.of(plain)),
                new Platform(TWO, "testkit: conv-fast and fc-fast accelerators", List.of(conv, fc)),
                new Platform(FISSION, "testkit: one accelerator with 4 spatial partitions", List.of(fission)));
    }

    /** @return the contract's scenarios, in a stable order */
    public static List<Scenario> scenarios() {
        Model tri = model("Tri", OpType.CONV, 3);
        Model convNet = model("ConvNet", OpType.CONV, 2);
        Model fcNet = model("FcNet", OpType.FC, 2);
        Model eight = model("Eight", OpType.CONV, 8);
        return List.of(
                new Scenario(SINGLE, "one task, one accelerator", List.of(tri),
                        List.of(Task.periodic("tri", "Tri", 10 * MS)), List.of(), 100 * MS),
                new Scenario(PAIR, "two tasks, two heterogeneous accelerators", List.of(convNet, fcNet),
                        List.of(Task.periodic("conv", "ConvNet", 20 * MS), Task.periodic("fc", "FcNet", 20 * MS)),
                        List.of(), 200 * MS),
                new Scenario(CASCADE, "detect triggers track on every frame", List.of(convNet),
                        List.of(Task.periodic("detect", "ConvNet", 10 * MS),
                                Task.cascaded("track", "ConvNet", 10 * MS, "detect", 1.0)), List.of(), 100 * MS),
                new Scenario(OVERLOAD, "8 ms of work every 5 ms", List.of(eight),
                        List.of(Task.periodic("eight", "Eight", 5 * MS)), List.of(), 100 * MS),
                new Scenario(SHARED, "two tasks on a 4-way partitioned accelerator", List.of(convNet, tri),
                        List.of(Task.periodic("conv", "ConvNet", 10 * MS), Task.periodic("tri", "Tri", 10 * MS)),
                        List.of(), 100 * MS));
    }

    private static Accelerator.Builder accelerator(String id) {
        return Accelerator.builder(id, FixedLatencyModel.ID);
    }

    /** @return a model of {@code layers} layers of type {@code type}, each with K = C = 1 (1 ms, 1 uJ by default) */
    public static Model model(String id, OpType type, int layers) {
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            out.add(new Layer("l" + i, type, 1, 1, 1, 1, 1, 1, 1, 1, null));
        }
        return Model.of(id, "testkit model", out);
    }
}
