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
    OTHER
}
