package org.rtmmlab.accelerator.analytic;

import static org.rtmmlab.accelerator.analytic.LayerDims.ceilDiv;

/**
 * Weight-stationary mapping (XRBench "NVDLA" directives: {@code TemporalMap(16,16) C, TemporalMap(16,16) K,
 * TemporalMap(1,1) Y', SpatialMap(1,1) X', Cluster(16), SpatialMap(1,1) K, ..., Cluster(16), SpatialMap(1,1) C}).
 *
 * <p>An inner cluster of 16 PEs holds 16 input channels, a cluster of 16 inner clusters 16 output channels, so a
 * 256-PE cluster keeps a 16x16 (K x C) weight tile; the {@code PEs/256} clusters take different output columns X'.
 * Per step each PE applies its R x S filter to one input window: {@code R*S} cycles. Steps =
 * {@code N * ceil(C/16) * ceil(K/16) * Y' * ceil(X'/clusters)}. Weights cross the NoC once (stationary); each step
 * multicasts the C-tile input window of the step's columns ({@code c * R * (cols + S - 1)}) to the K lanes and
 * sends {@code k * cols} partial sums out; partial sums of all but the first C tile are read back to accumulate.
 * L1: per MAC one input read and a partial-sum read and write (the weight sits in the PE register), plus fills.
 */
final class WeightStationary implements DataflowMapping {

    /** PEs of an inner cluster (spatial C) and inner clusters per cluster (spatial K). */
    static final int LANES = 16;

    @Override
    public Mapping map(LayerDims d, int pes) {
        int cLanes = Math.min(LANES, pes);
        int kLanes = Math.min(LANES, Math.max(1, pes / LANES));
        int clusters = Math.max(1, pes / (LANES * LANES));
        long cTiles = ceilDiv(d.c(), cLanes);
        int ct = Math.min(d.c(), cLanes);
        int kt = Math.min(d.k(), kLanes);
        int cols = Math.min(d.outX(), clusters);
        long steps = (long) d.n() * cTiles * ceilDiv(d.k(), kLanes) * d.outY() * ceilDiv(d.outX(), clusters);
        double window = (double) ct * d.r() * (cols + d.s() - 1);
        double psums = (double) kt * cols;
        double readBack = psums * (cTiles - 1) / cTiles;
        double noc = steps * (window + psums + readBack) + d.weights();
        double l1 = 3.0 * d.macs() + steps * window * kt + d.weights();
        return new Mapping(steps, (long) d.r() * d.s(), noc, l1, (long) ct * kt * cols);
    }
}
