/**
 * Herald (HPCA 2021) ported to block dispatch on heterogeneous sub-accelerators: a static layer-block to accelerator
 * map computed once per run, then per-accelerator FCFS queues. Implementation package: nothing is exported; the
 * policy is found through Declarative Services or {@link java.util.ServiceLoader}.
 */
package org.rtmmlab.scheduler.herald;
