package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.sim.CostTables;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/**
 * Issue 13: a layer may be unsupported on an accelerator. The fixed cost model keeps the API default: HOST (CPU
 * stage) layers run only on CPU accelerators. Model {@code det} = pre (HOST, 2 us of work = K 2 -> 2 ms at the fixed
 * model's 1 ms per K), conv (K 3 -> 3 ms), post (HOST, K 1 -> 1 ms).
 */
class UnsupportedLayerTest {

    private final Lab lab = new Lab();
    private final Model det = Model.of("det", "", List.of(Layer.host("pre", 2), Layer.conv("g", 1, 3, 1, 1, 1, 1, 1),
            Layer.host("post", 1)));

    private Platform cpuGpu() {
        return lab.platform("cpu-gpu", FixedCostModel.accelerator("cpu").kind(AcceleratorKind.CPU).build(),
                FixedCostModel.accelerator("gpu").kind(AcceleratorKind.GPU).build());
    }

    @Test
    void costViewMarksHostLayersUnsupportedOffTheCpu() {
        CostTables t = new CostTables(cpuGpu(), List.of(det), List.of(lab.costModel, lab.costModel));
        assertTrue(t.supported(0, 0, 0, 0));
        assertFalse(t.supported(0, 0, 0, 1));
        assertTrue(t.supported(0, 0, 1, 1));
        assertFalse(t.supported(0, 0, 2, 1));
        assertTrue(t.blockSupported(0, 0, 1, 1, 1));
        assertFalse(t.blockSupported(0, 0, 1, 2, 1));
        assertTrue(t.blockSupported(0, 0, 0, 3, 0));
        // latency of what the GPU cannot run reads as the sentinel, energy as infinity; the CPU prices everything
        assertEquals(CostView.UNSUPPORTED_LATENCY_NS, t.latencyNs(0, 0, 0, 1));
        assertEquals(CostView.UNSUPPORTED_LATENCY_NS, t.blockLatencyNs(0, 0, 0, 2, 1));
        assertEquals(CostView.UNSUPPORTED_LATENCY_NS, t.remainingLatencyNs(0, 0, 0, 1));
        assertEquals(Double.POSITIVE_INFINITY, t.remainingEnergyPj(0, 0, 0, 1));
        assertEquals(3 * MS, t.blockLatencyNs(0, 0, 1, 1, 1));
        assertEquals(6 * MS, t.remainingLatencyNs(0, 0, 0, 0));
        // fastest remaining: each layer on an accelerator that runs it (pre 2 + g 3 + post 1 ms)
        assertEquals(6 * MS, t.remainingLatencyFastestNs(0, 0, 0));
        assertEquals(4 * MS, t.remainingLatencyFastestNs(0, 0, 1));
    }

    @Test
    void dispatchOfAnUnsupportedLayerIsRejectedNamingIt() {
        cpuGpu();
        lab.scenario("s", List.of(det), List.of(Task.periodic("T", "det", 10 * MS)), List.of(), 10 * MS);
        lab.policy(Policies.of("to-gpu", (v, d) -> {
            if (v.jobCount() > 0 && v.ready(0)) {
                d.dispatch(0, 1, 1);
            }
        }));
        SchedulingException e = assertThrows(SchedulingException.class,
                () -> lab.evaluator.run(Lab.config("s", "cpu-gpu", "to-gpu", 1, 0, false, Map.of()), null, null));
        assertTrue(e.getMessage().contains("accelerator gpu cannot run layer 0 (pre, HOST) of model det"),
                e.getMessage());
    }

    @Test
    void stagesRunWhereSupported() {
        cpuGpu();
        lab.scenario("s", List.of(det), List.of(Task.periodic("T", "det", 10 * MS)), List.of(), 10 * MS);
        // one layer per block, on the lowest-index idle accelerator that supports it
        lab.policy(Policies.of("where-supported", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (!v.ready(j)) {
                    continue;
                }
                for (int a = 0; a < v.acceleratorCount(); a++) {
                    if (v.idle(a) && v.supported(v.jobModel(j), v.jobVariant(j), v.nextLayer(j), a)
                            && !(a == 0 && v.nextLayer(j) == 1)) { // the conv goes to the GPU
                        d.dispatch(j, a, 1);
                        break;
                    }
                }
            }
        }));
        RunResult r = lab.evaluator.run(Lab.config("s", "cpu-gpu", "where-supported", 1, 0, false, Map.of()), null,
                null);
        assertEquals(1, r.frames().onTime());
        RequestRecord req = lab.recorder.last().requests.get(0);
        assertEquals(6 * MS, req.finishNs() - req.arrivalNs()); // 2 ms CPU + 3 ms GPU + 1 ms CPU
        assertEquals("cpu+gpu", req.accelerators());
        // E_ref: no accelerator runs det whole, so each layer at its cheapest: C = 1 everywhere -> 3 uJ = 3e-3 mJ
        assertEquals(3e-3, r.metrics().get("uxcost.energyRef.mJ"), 1e-12);
    }

    @Test
    void aModelNoAcceleratorCanRunIsAnInputError() {
        lab.platform("gpu-only", FixedCostModel.accelerator("gpu").kind(AcceleratorKind.GPU).build());
        lab.scenario("s", List.of(det), List.of(Task.periodic("T", "det", 10 * MS)), List.of(), 10 * MS);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> lab.evaluator.run(Lab.config("s", "gpu-only", "fifo", 1, 0, false, Map.of()), null, null));
        assertTrue(e.getMessage().contains("model det variant full layer 0 (pre, HOST)"), e.getMessage());
        assertTrue(e.getMessage().contains("no accelerator of the platform can run it"), e.getMessage());
    }
}
