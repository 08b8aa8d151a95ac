/**
 * Table-driven accelerator cost model: replays the per-layer MAESTRO latency/energy tables of XRBench
 * (XRBench-MLSys2023, MIT licence) and offers the 26 XRBench Figure-5 platforms. Implementation package:
 * nothing is exported.
 */
package org.rtmmlab.accelerator.table;
