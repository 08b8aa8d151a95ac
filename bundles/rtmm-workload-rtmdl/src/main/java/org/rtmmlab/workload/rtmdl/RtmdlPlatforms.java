package org.rtmmlab.workload.rtmdl;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.Platform;

/**
 * The CPU+GPU platforms of the RT-mDL workloads (numbers and their origin in the bundle README). The GPU of each has
 * two partitions: RT-mDL's high- and low-priority streams.
 */
final class RtmdlPlatforms {

    /**
     * One of 4 cores at the reference speed, each its own accelerator (so any scheduler, not only one that packs
     * shares, can use all four); 1.25 W idle each (5 W for the complex) is a guess for an embedded CPU.
     */
    static Accelerator core(int i) {
        return HostCpuModel.cpu("cpu" + i, 1).clockHz(2.0e9).idlePowerW(1.25).attribute(HostCpuModel.SPEED, "1")
                .build();
    }

    /** NVIDIA H100 80GB: the lab's measured fp16 table; fields as gpu0 of measured/h100 (rtmm-accelerator-table). */
    static Accelerator h100() {
        return Accelerator.builder("gpu", "table").kind(AcceleratorKind.GPU).peCount(16896).dataflow(Dataflow.NONE)
                .clockHz(1.98e9).offchipBandwidth(1692).l1Bytes(262144).l2Bytes(52428800).idlePowerW(120.184)
                .partitions(2).attribute("table", "measured/h100-fp16").build();
    }

    /**
     * An edge GPU approximated by the analytic model as a 512-PE output-stationary array at 1.1 GHz with 32 bytes per
     * cycle of DRAM bandwidth (about 35 GB/s) and a 512 KiB global buffer: sized like a Jetson-class GPU, a guess, not
     * a model of a specific device.
     */
    static Accelerator edgeGpu() {
        return Accelerator.builder("gpu", "analytic").kind(AcceleratorKind.GPU).peCount(512).dataflow(Dataflow.OS)
                .clockHz(1.1e9).nocBandwidth(64).offchipBandwidth(32).l1Bytes(4096).l2Bytes(524288).idlePowerW(2)
                .partitions(2).build();
    }

    static final List<Platform> ALL = List.of(
            new Platform(HostCpuModel.H100_CPU, "Measured NVIDIA H100 (fp16 table, 2 streams) + 4-core host CPU",
                    List.of(h100(), core(0), core(1), core(2), core(3))),
            new Platform(HostCpuModel.EDGE_GPU_CPU, "Analytic edge GPU (512 PEs OS, 1.1 GHz, 2 streams) + 4-core host"
                    + " CPU", List.of(edgeGpu(), core(0), core(1), core(2), core(3))));

    private RtmdlPlatforms() {
    }
}
