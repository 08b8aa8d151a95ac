package org.rtmmlab.api.workload;

/** Operator type of a {@link Layer}. XRBench expresses every layer as {@link #CONV}. */
public enum OpType {
    /** Dense convolution (K output channels, each over all C input channels). */
    CONV,
    /** Depthwise convolution (one filter per channel; K == C, MACs do not multiply by C). */
    DWCONV,
    /** Fully connected layer (a 1x1 convolution over a 1x1 input). */
    FC,
    /** Matrix multiplication / attention block expressed as GEMM dims. */
    GEMM,
    /** Pooling, element-wise or other operators without weights. */
    OTHER,
    /**
     * A host (CPU) stage such as pre- or post-processing of a frame (RT-mDL's C_i1 and C_i2): no weights; its work is
     * {@link Layer#macs()} reference microseconds, i.e. the time it takes on a CPU of speed 1 (see
     * {@link Layer#host(String, int)}). By default only {@link org.rtmmlab.api.platform.AcceleratorKind#CPU}
     * accelerators run it ({@link org.rtmmlab.api.platform.AcceleratorModel#supportsLayer}).
     *
     * @since workload 1.1
     */
    HOST
}
