package org.rtmmlab.accelerator.analytic;

import static org.rtmmlab.accelerator.analytic.LayerDims.ceilDiv;

/**
 * Output-stationary mapping (XRBench "Hand-optimized OS" directives: {@code TemporalMap(1,1) K, SpatialMap(1,1) Y',
 * TemporalMap(4,4) X', TemporalMap(16,16) C, Cluster(4), SpatialMap(1,1) X', Cluster(16), SpatialMap(1,1) C}).
 *
 * <p>An inner cluster of 16 PEs splits 16 input channels of one output pixel, a cluster of 4 inner clusters takes 4
 * neighbouring output columns, and the {@code PEs/64} clusters take different output rows Y'. Per step each PE
 * applies an R x S filter slice: {@code R*S} cycles. Steps = {@code N * K * ceil(Y'/clusters) * ceil(X'/4) *
 * ceil(C/16)}. Per step the NoC carries the input patch {@code c * (rows + R - 1) * (cols + S - 1)} and the
 * weight slice {@code c * R * S} (multicast to all clusters); outputs stay in the PEs until complete and leave
 * once. L1: per MAC an input and a weight read (the partial sum sits in the PE register), plus fills of each PE's
 * window and weights, plus one write per output.
 */
final class OutputStationary implements DataflowMapping {

    /** PEs of an inner cluster (spatial C). */
    static final int C_LANES = 16;
    /** Inner clusters per cluster (spatial X'). */
    static final int X_LANES = 4;

    @Override
    public Mapping map(LayerDims d, int pes) {
        int cLanes = Math.min(C_LANES, pes);
        int xLanes = Math.min(X_LANES, Math.max(1, pes / C_LANES));
        int clusters = Math.max(1, pes / (C_LANES * X_LANES));
        int ct = Math.min(d.c(), cLanes);
        int cols = Math.min(d.outX(), xLanes);
        int rows = Math.min(d.outY(), clusters);
        long steps = (long) d.n() * d.k() * ceilDiv(d.outY(), clusters) * ceilDiv(d.outX(), xLanes)
                * ceilDiv(d.c(), cLanes);
        double patch = (double) ct * (rows + d.r() - 1) * (cols + d.s() - 1);
        double weights = (double) ct * d.r() * d.s();
        double noc = steps * (patch + weights) + d.outputs();
        double perPeFill = 2.0 * d.r() * d.s(); // its input window and its weight slice
        double l1 = 2.0 * d.macs() + steps * perPeFill * ct * cols * rows + d.outputs();
        return new Mapping(steps, (long) d.r() * d.s(), noc, l1, (long) ct * cols * rows);
    }
}
