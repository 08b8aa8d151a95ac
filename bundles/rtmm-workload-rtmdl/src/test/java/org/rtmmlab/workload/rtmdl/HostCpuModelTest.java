package org.rtmmlab.workload.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;

/** The host CPU cost model by hand: a HOST stage of W us takes W x 1000 / speed ns. */
class HostCpuModelTest {

    private final HostCpuModel cpu = new HostCpuModel();
    private final Model det = Model.of("det", "", List.of(Layer.host("cpu.pre", 2500),
            Layer.conv("g", 1, 8, 8, 8, 8, 3, 3), Layer.host("cpu.post", 1)));

    @Test
    void pricesHostStagesBySpeedAndPower() {
        Accelerator ref = HostCpuModel.cpu("c", 4).build();
        assertEquals(new LayerCost(2_500_000, 0), cpu.layerCost(det, 0, 0, ref));
        Accelerator fast = HostCpuModel.cpu("c", 4).attribute(HostCpuModel.SPEED, "2")
                .attribute(HostCpuModel.DYNAMIC_POWER_W, "3").build();
        // 2.5 ms at speed 2 = 1.25 ms; 3 W x 1.25e6 ns = 3.75e6 nJ = 3.75e9 pJ
        assertEquals(new LayerCost(1_250_000, 3.75e9), cpu.layerCost(det, 0, 0, fast));
        assertEquals(new LayerCost(500, 1.5e6), cpu.layerCost(det, 0, 2, fast)); // 1 us / 2; 3 W x 500 ns = 1500 nJ
        // one stage per core: any share takes the whole time
        assertEquals(cpu.layerCost(det, 0, 0, fast), cpu.layerCost(det, 0, 0, fast, 0.25));
    }

    @Test
    void onlyHostStagesRunOnTheCpu() {
        Accelerator c = HostCpuModel.cpu("c", 1).build();
        assertTrue(cpu.supportsLayer(det, 0, 0, c));
        assertFalse(cpu.supportsLayer(det, 0, 1, c));
        assertThrows(InvalidInputException.class, () -> cpu.layerCost(det, 0, 1, c));
    }

    @Test
    void checkRejectsBadAttributesAndKinds() {
        cpu.check(HostCpuModel.cpu("c", 2).attribute(HostCpuModel.SPEED, "0.5").build());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> cpu.check(HostCpuModel.cpu("c", 2).attribute("sped", "2").build()));
        assertEquals("attributes.sped", e.path());
        e = assertThrows(InvalidInputException.class,
                () -> cpu.check(HostCpuModel.cpu("c", 2).attribute(HostCpuModel.SPEED, "0").build()));
        assertEquals("attributes.speed", e.path());
        e = assertThrows(InvalidInputException.class,
                () -> cpu.check(HostCpuModel.cpu("c", 2).kind(AcceleratorKind.GPU).build()));
        assertEquals("kind", e.path());
    }

    @Test
    void shipsTheTwoCpuGpuPlatforms() {
        assertEquals(List.of(HostCpuModel.H100_CPU, HostCpuModel.EDGE_GPU_CPU),
                cpu.platforms().stream().map(p -> p.id()).toList());
        for (var p : cpu.platforms()) {
            assertEquals(2, p.accelerators().get(0).partitions(), "two GPU streams on " + p.id());
            assertEquals(AcceleratorKind.CPU, p.accelerators().get(1).kind());
            cpu.check(p.accelerators().get(1));
        }
    }
}
