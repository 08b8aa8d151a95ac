package org.rtmmlab.accelerator.analytic;

/**
 * The analytic model's breakdown of one layer on one accelerator (cycles at the accelerator's clock).
 *
 * @param macs          multiply-accumulates
 * @param computeCycles MAC-bound cycles of the mapping (steps x cycles per step)
 * @param nocCycles     cycles to move the mapping's NoC traffic at the NoC bandwidth
 * @param dramCycles    cycles to move the DRAM traffic at the off-chip bandwidth
 * @param l1Accesses    PE-local buffer accesses
 * @param l2Accesses    global buffer accesses (= NoC elements: every element crossing the NoC is read or written
 *                      once in L2)
 * @param dramElements  elements read from or written to DRAM
 * @param utilisation   spatial utilisation of the PE array in a full step, in (0, 1]
 */
public record LayerEstimate(long macs, long computeCycles, double nocCycles, double dramCycles, double l1Accesses,
                            double l2Accesses, double dramElements, double utilisation) {

    /** @return latency in cycles: the slowest of compute, NoC and DRAM (they overlap), at least 1 */
    public long latencyCycles() {
        return Math.max(1L, (long) Math.ceil(Math.max(computeCycles, Math.max(nocCycles, dramCycles))));
    }

    /** @return on-chip energy in pJ: MACs, L1 and L2 accesses (what MAESTRO's energy counts) */
    public double onChipEnergyPj() {
        return macs * EnergyConstants.MAC_PJ + l1Accesses * EnergyConstants.L1_PJ
                + l2Accesses * EnergyConstants.L2_PJ;
    }

    /** @return DRAM energy in pJ */
    public double dramEnergyPj() {
        return dramElements * EnergyConstants.DRAM_PJ;
    }

    /** @return total dynamic energy in pJ: on-chip plus DRAM */
    public double energyPj() {
        return onChipEnergyPj() + dramEnergyPj();
    }
}
