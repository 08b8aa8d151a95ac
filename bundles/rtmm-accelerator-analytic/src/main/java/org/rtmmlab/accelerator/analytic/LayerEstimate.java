package org.rtmmlab.accelerator.analytic;

/**
 * The analytic model's breakdown of one layer on one accelerator (cycles at the accelerator's clock).
 *
 * @param macs          multiply-accumulates of the layer
 * @param computations  partial outputs the PEs compute under the mapping (MAESTRO's computation count; exceeds
 *                      {@code macs} where tiles overlap or carry padding)
 * @param computeCycles cycles of the mapping with an unbounded NoC (every iteration as long as its compute)
 * @param onChipCycles  cycles of the mapping at the NoC bandwidth: per iteration the slowest of ingress, compute
 *                      and egress (MAESTRO's layer runtime)
 * @param dramCycles    cycles to move the DRAM traffic at the off-chip bandwidth
 * @param l1Accesses    sub-cluster (L1) buffer reads and writes
 * @param l2Accesses    global buffer (L2) reads and writes
 * @param dramElements  elements read from or written to DRAM
 * @param utilisation   MACs per PE-cycle of {@code computeCycles}, in (0, 1]
 */
public record LayerEstimate(long macs, long computations, long computeCycles, long onChipCycles, double dramCycles,
                            double l1Accesses, double l2Accesses, double dramElements, double utilisation) {

    /** @return latency in cycles: the on-chip runtime or the DRAM transfer time if longer (they overlap), &gt;= 1 */
    public long latencyCycles() {
        return Math.max(1L, Math.max(onChipCycles, (long) Math.ceil(dramCycles)));
    }

    /** @return on-chip energy in pJ: computations, L1 and L2 accesses (what MAESTRO's energy counts) */
    public double onChipEnergyPj() {
        return computations * EnergyConstants.MAC_PJ + l1Accesses * EnergyConstants.L1_PJ
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
