package org.rtmmlab.api.platform;

/** Broad class of an accelerator; schedulers such as RT-mDL treat CPU and GPU queues differently. */
public enum AcceleratorKind {
    /** Neural processing unit / dataflow accelerator (PE array). */
    NPU,
    /** Graphics processor. */
    GPU,
    /** General-purpose CPU cores. */
    CPU
}
