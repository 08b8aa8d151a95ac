/**
 * VELTAIR (ASPLOS 2022) ported to block dispatch on heterogeneous sub-accelerators: adaptive layer blocks, per-block
 * deadline shares by MACs, least capable accelerator that meets the share. Implementation package: nothing is
 * exported; the policy is found through Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.veltair;
