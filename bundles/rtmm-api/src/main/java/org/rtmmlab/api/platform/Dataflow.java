package org.rtmmlab.api.platform;

/** Dataflow (loop mapping) of a PE-array accelerator, as in MAESTRO / XRBench. */
public enum Dataflow {
    /** Weight-stationary (NVDLA-like): weights stay in PEs, parallel over K and C. */
    WS,
    /** Output-stationary: each PE group accumulates its own outputs, parallel over output rows/cols and C. */
    OS,
    /** Row-stationary (Eyeriss-like): filter rows and input rows stay in PEs. */
    RS,
    /** Not a PE-array dataflow (GPU, CPU, measured device). */
    NONE
}
