package org.rtmmlab.accelerator.analytic;

/**
 * What a dataflow's mapping of one layer onto a PE array costs before bandwidth and energy prices are applied.
 *
 * @param steps         temporal iterations of the whole array (each step, every active PE works in parallel)
 * @param cyclesPerStep MAC cycles of one PE per step (one MAC per PE per cycle)
 * @param nocElements   elements moved between the global buffer (L2) and the PEs over the NoC, both directions
 * @param l1Accesses    reads and writes of PE-local buffers (L1): operand reads, partial-sum updates, fills
 * @param activePes     PEs that hold work in a full step (spatial utilisation = activePes / PEs)
 */
record Mapping(long steps, long cyclesPerStep, double nocElements, double l1Accesses, long activePes) {

    /** @return MAC-bound cycles of the layer: {@code steps x cyclesPerStep} */
    long computeCycles() {
        return steps * cyclesPerStep;
    }
}
