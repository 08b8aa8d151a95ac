package org.rtmmlab.accelerator.analytic;

import org.rtmmlab.accelerator.analytic.Directive.Dim;
import org.rtmmlab.accelerator.analytic.Directive.Kind;

/**
 * One cluster level of a MAESTRO mapping (Kwon et al., MICRO 2019, section 4.1 "Cluster analysis"): {@code
 * clusterSize} sub-clusters working on the level's dimension table ({@code dims}: the tile its parent hands it, or
 * the whole layer at the top) under a complete directive list (one directive per dim, outermost first; Y'/X' already
 * converted to input tiles). Pre-computes, per directive, the iteration facts the cost analysis needs (section 4.2:
 * temporal/spatial iteration counts, unrolled dims, edge iterations where a dim does not divide the tile offset,
 * and the sub-clusters active in a spatial edge iteration). Immutable.
 */
final class ClusterLevel {

    /** Iteration status of a directive in one iteration case (MAESTRO's Init / Steady / Edge / Unroll). */
    static final int INIT = 0;
    static final int STEADY = 1;
    static final int EDGE = 2;
    static final int UNROLL = 3;

    final int clusterSize;
    final Directive[] dirs;
    /** Size of each dim at this level, indexed by {@link Dim#ordinal()} (K, C, R, S, Y, X). */
    final int[] dims;
    /** Directive index of each dim (first directive on it). */
    final int[] index = new int[6];
    /** Index of the first (upper) spatial map: it decides the active sub-clusters. */
    final int spatialIdx;
    /** Sub-clusters that hold work in a spatial edge iteration. */
    final long edgeClusters;
    /** Whether the upper spatial map leaves a partial (edge) spatial iteration. */
    final boolean hasSpatialEdge;
    final boolean[] unrolled;
    final boolean[] initEdge;
    final boolean[] initUnroll;
    /** How often each directive is in status Steady / Edge (0: never; Init/Unroll occur once). */
    final long[] steady;
    final long[] edge;

    ClusterLevel(int clusterSize, Directive[] dirs, int[] dims) {
        this.clusterSize = clusterSize;
        this.dirs = dirs;
        this.dims = dims;
        java.util.Arrays.fill(index, -1);
        int sp = -1;
        for (int j = dirs.length - 1; j >= 0; j--) {
            index[dirs[j].dim().ordinal()] = j;
            if (dirs[j].kind() == Kind.SPATIAL) {
                sp = j;
            }
        }
        spatialIdx = sp;
        Directive s = dirs[sp];
        int spDim = adjusted(s.dim());
        int coverage = s.offset() * clusterSize;
        hasSpatialEdge = spDim % coverage != 0;
        edgeClusters = spDim <= s.size() ? 1 : (spDim % coverage) / s.offset();
        int n = dirs.length;
        unrolled = new boolean[n];
        initEdge = new boolean[n];
        initUnroll = new boolean[n];
        steady = new long[n];
        edge = new long[n];
        for (int j = 0; j < n; j++) {
            Directive d = dirs[j];
            int raw = dims[d.dim().ordinal()];
            int adj = adjusted(d.dim());
            if (d.kind() == Kind.TEMPORAL) {
                unrolled[j] = d.size() >= raw;
                initEdge[j] = d.size() > raw;
                initUnroll[j] = d.size() >= raw;
                boolean tpEdge = adj % d.offset() != 0;
                long iters = adj / d.offset() + (tpEdge ? 1 : 0);
                steady[j] = unrolled[j] ? 0 : iters - (tpEdge ? 2 : 1);
                edge[j] = !tpEdge || initEdge[j] || initUnroll[j] ? 0 : 1;
            } else {
                int cov = d.offset() * clusterSize;
                unrolled[j] = (long) (clusterSize - 1) * d.offset() + d.size() >= raw;
                initEdge[j] = cov > raw;
                initUnroll[j] = cov >= raw;
                long iters = adj / cov + (adj % cov != 0 ? 1 : 0);
                steady[j] = unrolled[j] ? 0 : iters - (hasSpatialEdge ? 2 : 1);
                edge[j] = !hasSpatialEdge || initEdge[j] || initUnroll[j] ? 0 : 1;
            }
        }
    }

    /**
     * @return the iteration extent of {@code d}: a filter dim (R, S) slides over its input dim (Y, X), so an input
     *         dim advances over {@code Y - R + 1} (resp. {@code X - S + 1}) positions (MAESTRO's overlap table)
     */
    int adjusted(Dim d) {
        return switch (d) {
            case Y -> dims[Dim.Y.ordinal()] - dims[Dim.R.ordinal()] + 1;
            case X -> dims[Dim.X.ordinal()] - dims[Dim.S.ordinal()] + 1;
            default -> dims[d.ordinal()];
        };
    }

    /** @return the directive mapping {@code d} */
    Directive directive(Dim d) {
        return dirs[index[d.ordinal()]];
    }

    /** @return whether the case {@code st} is a spatial edge iteration (fewer sub-clusters busy) */
    boolean spatialEdge(int[] st) {
        int s = st[spatialIdx];
        return s == EDGE || ((s == INIT || s == UNROLL) && initEdge[spatialIdx]);
    }

    /** @return sub-clusters holding work in case {@code st} */
    long activeSubClusters(int[] st) {
        return spatialEdge(st) ? edgeClusters : clusterSize;
    }

    /** @return elements in one tile of a temporal or spatial map that are new with respect to the previous one */
    static int unique(Directive d) {
        return Math.min(d.size(), d.offset());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("level x" + clusterSize + " dims");
        for (Dim d : Dim.TABLE) {
            sb.append(' ').append(d).append('=').append(dims[d.ordinal()]);
        }
        sb.append(" :");
        for (Directive d : dirs) {
            sb.append(' ').append(d);
        }
        return sb.toString();
    }
}
