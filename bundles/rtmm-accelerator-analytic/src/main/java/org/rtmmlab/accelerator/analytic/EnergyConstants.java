package org.rtmmlab.accelerator.analytic;

/**
 * Access energies of the analytic model, in picojoules.
 *
 * <p>MAC, L1 and L2 are XRBench's MAESTRO constants ({@code hardware.json cost_model_constants}: MAC 0.00288 nJ,
 * L1 access 0.55 x MAC, L2 access 6.0 x MAC). DRAM is not in the XRBench data: we take the Eyeriss normalised cost
 * of a DRAM access, 200 x MAC (Chen, Emer, Sze, "Eyeriss: A Spatial Architecture for Energy-Efficient Dataflow for
 * Convolutional Neural Networks", ISCA 2016, section on energy costs: RF 1x, PE array 2x, buffer 6x, DRAM 200x of a
 * MAC), whose 6x global-buffer figure is also the one XRBench uses for L2. One access moves one element.
 */
final class EnergyConstants {

    /** Energy of one multiply-accumulate, pJ (0.00288 nJ). */
    static final double MAC_PJ = 2.88;
    /** Energy of one L1 (PE-local buffer) access, pJ. */
    static final double L1_PJ = 0.55 * MAC_PJ;
    /** Energy of one L2 (global buffer) access, pJ. */
    static final double L2_PJ = 6.0 * MAC_PJ;
    /** Energy of one DRAM element access, pJ (Eyeriss: 200 x MAC). */
    static final double DRAM_PJ = 200.0 * MAC_PJ;

    private EnergyConstants() {
    }
}
