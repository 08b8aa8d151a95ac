package org.rtmmlab.accelerator.analytic;

import static org.rtmmlab.accelerator.analytic.LayerDims.ceilDiv;

/**
 * Row-stationary mapping, Eyeriss-like (Chen, Emer, Sze, ISCA 2016; XRBench "Hand-optimized row-stationary"
 * directives: {@code TemporalMap(1,1) Y', TemporalMap(16,16) X', TemporalMap(4,4) C, SpatialMap(1,1) K,
 * Cluster(16), TemporalMap(1,1) Y', SpatialMap(1,1) X', TemporalMap(4,4) C, TemporalMap(1,1) K, Cluster(4),
 * SpatialMap(1,1) Y, SpatialMap(1,1) R}).
 *
 * <p>An inner cluster of 4 PEs pairs filter rows with input rows (one filter row each, so a filter taller than 4
 * takes {@code ceil(R/4)} passes and a shorter one idles {@code 4 - R} PEs); a cluster of 16 inner clusters takes 16
 * output columns; the {@code PEs/64} clusters take different output channels K. Per step each PE convolves one
 * filter row (S taps) over a C tile of 4: {@code min(C,4) * S} cycles. Steps = {@code N * Y' * ceil(X'/16) *
 * ceil(C/4) * ceil(K/clusters) * ceil(R/4)}. Per step the NoC carries the input rows {@code c * rows * (cols + S -
 * 1)} (multicast over K), the filter rows of every cluster {@code k * c * rows * S}, and {@code k * cols} partial
 * sums out. L1 (Eyeriss scratchpads): per MAC an input, a weight and a partial-sum read and write, plus fills.
 */
final class RowStationary implements DataflowMapping {

    /** PEs of an inner cluster (spatial filter row x input row). */
    static final int ROW_LANES = 4;
    /** Inner clusters per cluster (spatial X'). */
    static final int X_LANES = 16;
    /** C tile of a step. */
    static final int C_TILE = 4;

    @Override
    public Mapping map(LayerDims d, int pes) {
        int rowLanes = Math.min(ROW_LANES, pes);
        int xLanes = Math.min(X_LANES, Math.max(1, pes / ROW_LANES));
        int clusters = Math.max(1, pes / (ROW_LANES * X_LANES));
        int ct = Math.min(d.c(), C_TILE);
        int rows = Math.min(d.r(), rowLanes);
        int cols = Math.min(d.outX(), xLanes);
        int kt = Math.min(d.k(), clusters);
        long steps = (long) d.n() * d.outY() * ceilDiv(d.outX(), xLanes) * ceilDiv(d.c(), C_TILE)
                * ceilDiv(d.k(), clusters) * ceilDiv(d.r(), rowLanes);
        double inputRows = (double) ct * rows * (cols + d.s() - 1);
        double filterRows = (double) kt * ct * rows * d.s();
        double psums = (double) kt * cols;
        double noc = steps * (inputRows + filterRows + psums);
        double l1 = 4.0 * d.macs() + steps * (inputRows * kt + filterRows * cols);
        return new Mapping(steps, (long) ct * d.s(), noc, l1, (long) rows * cols * kt);
    }
}
