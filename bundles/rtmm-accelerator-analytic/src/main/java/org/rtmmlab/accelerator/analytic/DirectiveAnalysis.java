package org.rtmmlab.accelerator.analytic;

import static org.rtmmlab.accelerator.analytic.ClusterLevel.EDGE;
import static org.rtmmlab.accelerator.analytic.ClusterLevel.INIT;
import static org.rtmmlab.accelerator.analytic.ClusterLevel.STEADY;
import static org.rtmmlab.accelerator.analytic.ClusterLevel.UNROLL;

import java.util.ArrayList;
import java.util.List;
import org.rtmmlab.accelerator.analytic.Directive.Dim;
import org.rtmmlab.accelerator.analytic.Directive.Kind;

/**
 * MAESTRO's data-centric cost analysis of one layer under a directive list (Kwon et al., "Understanding Reuse,
 * Performance, and Hardware Cost of DNN Dataflows: A Data-Centric Approach", MICRO 2019, section 4; IEEE Micro 40(3)
 * 2020), written from the paper and from reading the analysis of the MAESTRO version XRBench ships
 * (XRBench/XRBench-MLSys2023 {@code lib/include/dataflow-analysis/DFA_cluster-analysis.hpp},
 * {@code cost-analysis/CA_cost-analysis-engine.hpp}, {@code CA_reuse-analysis.hpp}; MIT, Georgia Tech 2019).
 *
 * <p><b>Cluster analysis.</b> The {@code Cluster(n)} directives cut the list into levels; the top level has
 * {@code PEs / prod(n)} sub-clusters, level i the size of the i-th {@code Cluster}. Each level's directives are
 * completed: output-tile maps (Y', X') become input-tile maps (size {@code + filter - 1}, {@link HaloRule}),
 * dims the level does not map inherit their parent's map as temporal maps (prepended), and dims still missing are
 * mapped whole ("unrolled"). The inner level's dims are the outer level's tile sizes.
 *
 * <p><b>Cost analysis</b>, innermost level first. Every point of a level's iteration space has, per directive, a
 * status: Init (first tile), Steady, Edge (last, partial tile when the dim does not divide the offset) or Unroll
 * (the tile covers the dim). Points are grouped into status cases with their occurrence counts. Per case: the
 * partial outputs one sub-cluster produces; the ingress traffic, i.e. for each input tensor what changes with
 * respect to the previous iteration (only the dims of the innermost advancing directive load their new elements,
 * a tensor not coupled to it is stationary: zero), for the first sub-cluster plus the spatially-unique part for
 * the others (multicast); the egress traffic (the outputs of the tile). Delay of the case =
 * {@code max(ingress / bw, compute, egress / bw)} (double buffering), compute = the inner level's whole runtime, at
 * the innermost level one partial output per cycle (one MAC unit per PE). Runtime = sum of occurrences x delay.
 * At the top level the same cases give the buffer accesses MAESTRO's energy counts: L2 = one write of each tensor
 * plus the ingress reads; L1 = per active sub-cluster the loaded elements written plus one read per partial output
 * per input tensor, plus a partial-output write and read-modify; computations = partial outputs of all active
 * sub-clusters.
 */
final class DirectiveAnalysis {

    /**
     * How an output-tile map (Y', X') is widened to the input tile it needs when the same cluster level maps no
     * filter dim (R, S).
     */
    enum HaloRule {
        /**
         * As the MAESTRO version behind XRBench's tables does ({@code DFA_cluster-analysis.hpp}
         * {@code ConvertToInputCentric}): the filter extent it adds is the level's directive count, not the layer's
         * filter. Not a physical rule; it reproduces the reference tool (e.g. a 4-directive level gives a 1x1 layer
         * 4x4 input tiles, hence 16 partial outputs per step).
         */
        MAESTRO,
        /** The physical rule: the filter extent is the layer's filter size at that level ({@code + R - 1}). */
        FILTER
    }

    /** Tensor couplings (MAESTRO's {@code AddTensor}): which dims index each tensor. */
    record Tensors(Dim[] input, Dim[] weight, Dim[] output) {
        /** Dense convolution, as XRBench-MAESTRO.cpp defines CONV2D. */
        static final Tensors CONV = new Tensors(new Dim[] {Dim.C, Dim.Y, Dim.X},
                new Dim[] {Dim.K, Dim.C, Dim.R, Dim.S}, new Dim[] {Dim.K, Dim.Y, Dim.X});
        /** Depthwise convolution (K = 1, one filter per input channel C), as XRBench-MAESTRO.cpp defines DWCONV. */
        static final Tensors DEPTHWISE = new Tensors(new Dim[] {Dim.C, Dim.Y, Dim.X},
                new Dim[] {Dim.K, Dim.C, Dim.R, Dim.S}, new Dim[] {Dim.C, Dim.Y, Dim.X});
    }

    /**
     * Result of the analysis (one batch element).
     *
     * @param runtime      cycles of the top level (MAESTRO's layer latency)
     * @param computeOnly  cycles with an unbounded NoC (every case's delay = its compute)
     * @param computations partial outputs computed over all PEs (MAESTRO's MAC count)
     * @param l1           L1 (sub-cluster buffer) reads and writes at the top level
     * @param l2           L2 (global buffer) reads and writes
     * @param l2Reads      L2 reads (the NoC ingress traffic)
     * @param levels       the completed cluster levels, top first
     */
    record Result(long runtime, long computeOnly, long computations, long l1, long l2, long l2Reads,
                  List<ClusterLevel> levels) {
    }

    private DirectiveAnalysis() {
    }

    /**
     * @param directives the directive list, outermost first (validated by {@link DataflowTemplates#parse})
     * @param pes        PEs of the array, &gt; 0
     * @param bandwidth  NoC bandwidth of every level, elements per cycle, &gt; 0
     * @param dims       layer dims indexed by {@link Dim#ordinal()}: K, C, R, S, Y (input rows), X (input cols)
     * @param tensors    tensor couplings
     * @param rule       output-to-input tile rule
     * @return the analysis
     */
    static Result analyse(List<Directive> directives, int pes, double bandwidth, int[] dims, Tensors tensors,
                          HaloRule rule) {
        List<ClusterLevel> levels = levels(directives, pes, dims, rule);
        long runtime = 0;
        long compute = 0;
        Counts top = null;
        for (int i = levels.size() - 1; i >= 0; i--) {
            Counts c = new Counts(levels.get(i), tensors, bandwidth, runtime, compute, i == 0);
            c.run();
            runtime = c.runtime;
            compute = c.computeOnly;
            top = c;
        }
        long l2Writes = top.initialL2Writes();
        return new Result(runtime, compute, top.psums, top.l1, top.l2Reads + l2Writes, top.l2Reads, levels);
    }

    /** @return the completed cluster levels of {@code directives} for a layer of {@code dims}, top first */
    static List<ClusterLevel> levels(List<Directive> directives, int pes, int[] dims, HaloRule rule) {
        List<List<Directive>> groups = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Directive> current = new ArrayList<>();
        for (Directive d : directives) {
            if (d.kind() == Kind.CLUSTER) {
                groups.add(current);
                sizes.add(d.size());
                current = new ArrayList<>();
            } else {
                current.add(d);
            }
        }
        groups.add(current);
        int[] clusterSizes = clusterSizes(sizes, pes);
        List<ClusterLevel> out = new ArrayList<>();
        int[] levelDims = dims.clone();
        List<Directive> parent = null;
        for (int i = 0; i < groups.size(); i++) {
            List<Directive> g = toInputTiles(groups.get(i), levelDims, rule);
            List<Directive> complete = new ArrayList<>();
            if (parent != null) {
                for (Directive u : parent) {
                    if (find(g, u.dim()) == null && find(complete, u.dim()) == null) {
                        complete.add(0, Directive.temporal(u.size(), u.offset(), u.dim()));
                    }
                }
            }
            complete.addAll(g);
            for (Dim d : Dim.TABLE) {
                if (find(complete, d) == null) {
                    int sz = levelDims[d.ordinal()];
                    complete.add(Directive.temporal(sz, sz, d));
                }
            }
            ClusterLevel level = new ClusterLevel(clusterSizes[i], complete.toArray(new Directive[0]), levelDims);
            out.add(level);
            int[] inner = new int[6];
            for (Dim d : Dim.TABLE) {
                inner[d.ordinal()] = Math.min(find(complete, d).size(), levelDims[d.ordinal()]);
            }
            levelDims = inner;
            parent = complete;
        }
        return out;
    }

    /**
     * @return sub-clusters per level, top first: the {@code Cluster} sizes, the top taking {@code PEs / prod(sizes)};
     *         an array smaller than one top-level unit shrinks the clusters from the outside in (the innermost keeps
     *         {@code min(size, PEs)}), so every level has at least one sub-cluster
     */
    static int[] clusterSizes(List<Integer> sizes, int pes) {
        int[] out = new int[sizes.size() + 1];
        long left = pes;
        for (int i = sizes.size() - 1; i >= 0; i--) {
            int s = (int) Math.max(1, Math.min(sizes.get(i), left));
            out[i + 1] = s;
            left = Math.max(1, left / s);
        }
        out[0] = (int) Math.max(1, left);
        return out;
    }

    private static List<Directive> toInputTiles(List<Directive> group, int[] dims, HaloRule rule) {
        Directive r = find(group, Dim.R);
        Directive s = find(group, Dim.S);
        int rSize = r != null ? r.size() : rule == HaloRule.MAESTRO ? group.size() : dims[Dim.R.ordinal()];
        int sSize = s != null ? s.size() : rule == HaloRule.MAESTRO ? group.size() : dims[Dim.S.ordinal()];
        boolean hasY = find(group, Dim.Y) != null;
        boolean hasX = find(group, Dim.X) != null;
        List<Directive> out = new ArrayList<>(group.size());
        for (Directive d : group) {
            if (d.dim() == Dim.Y_OUT && !hasY) {
                out.add(new Directive(d.kind(), d.size() + rSize - 1, d.offset(), Dim.Y));
            } else if (d.dim() == Dim.X_OUT && !hasX) {
                out.add(new Directive(d.kind(), d.size() + sSize - 1, d.offset(), Dim.X));
            } else if (d.dim() == Dim.Y_OUT || d.dim() == Dim.X_OUT) {
                throw new IllegalArgumentException("a level maps both " + d.dim() + " and its input dim");
            } else {
                out.add(d);
            }
        }
        return out;
    }

    private static Directive find(List<Directive> list, Dim d) {
        for (Directive x : list) {
            if (x.dim() == d) {
                return x;
            }
        }
        return null;
    }

    /** The case loop of one level (MAESTRO's {@code AnalyzeSingleCluster}). */
    private static final class Counts {
        private final ClusterLevel lv;
        private final Tensors tensors;
        private final double bandwidth;
        private final long innerRuntime;
        private final long innerCompute;
        private final boolean top;
        private final int[] digits;
        private final int[] st;
        long runtime;
        long computeOnly;
        long psums;
        long l1;
        long l2Reads;

        Counts(ClusterLevel lv, Tensors tensors, double bandwidth, long innerRuntime, long innerCompute,
               boolean top) {
            this.lv = lv;
            this.tensors = tensors;
            this.bandwidth = bandwidth;
            this.innerRuntime = innerRuntime;
            this.innerCompute = innerCompute;
            this.top = top;
            this.digits = new int[lv.dirs.length];
            this.st = new int[lv.dirs.length];
        }

        void run() {
            enumerate(0, 1L);
        }

        /** Visits every status case with a non-zero occurrence count (Init/Unroll once, Steady, Edge). */
        private void enumerate(int j, long occ) {
            if (j == digits.length) {
                evaluate(occ);
                return;
            }
            digits[j] = INIT;
            enumerate(j + 1, occ);
            if (lv.steady[j] != 0) {
                digits[j] = STEADY;
                enumerate(j + 1, occ * lv.steady[j]);
            }
            if (lv.edge[j] != 0) {
                digits[j] = EDGE;
                enumerate(j + 1, occ * lv.edge[j]);
            }
        }

        private void evaluate(long occ) {
            boolean first = true;
            for (int d : digits) {
                first &= d == INIT;
            }
            int prime = -1;
            for (int j = 0; j < digits.length; j++) {
                st[j] = digits[j] == INIT && !first && lv.unrolled[j] ? UNROLL : digits[j];
                if (st[j] == STEADY || st[j] == EDGE) {
                    prime = j;
                }
            }
            long partial = outputs(true, false);
            if (partial == 0) {
                return;
            }
            long partialSpEdge = outputs(true, true);
            long target = outputs(false, false);
            long numSub = lv.spatialEdge(st) ? lv.edgeClusters : lv.clusterSize;
            long active = lv.activeSubClusters(st);
            long ingress = 0;
            for (Dim[] t : new Dim[][] {tensors.input(), tensors.weight()}) {
                long firstPe = peLoad(t, prime, true);
                long load = firstPe;
                if (numSub > 1 && spatiallyMapped(t)) {
                    load += (numSub - 1) * peLoad(t, prime, false);
                }
                ingress += load;
                if (top) {
                    l2Reads += occ * load;
                    l1 += occ * firstPe * active + active * occ * partial;
                }
            }
            if (top) {
                l1 += occ * partial + occ * (partial - 1);
                psums += occ * ((active - 1) * partial + partialSpEdge);
            }
            long compute = innerRuntime == 0 ? partial : innerRuntime;
            long delay = Math.max(noc(target), Math.max(compute, noc(ingress)));
            runtime += occ * delay;
            computeOnly += occ * (innerCompute == 0 ? partial : innerCompute);
        }

        /** NoC delay of {@code elements}: one hop of one cycle, then one bandwidth-wide flit per cycle. */
        private long noc(long elements) {
            return elements <= 0 ? 0 : (long) Math.ceil(elements / bandwidth);
        }

        private boolean spatiallyMapped(Dim[] t) {
            for (Dim d : t) {
                if (lv.directive(d).kind() == Kind.SPATIAL) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Elements of tensor {@code t} one sub-cluster loads in the current case (MAESTRO's reuse analysis): all of
         * its tile in the first iteration or when it depends on an outer dim that restarted; nothing when it does
         * not depend on the innermost advancing dim (temporal reuse: stationary); else only the new part along that
         * dim. {@code firstPe}: the first sub-cluster loads its whole tile, the others only what is spatially new.
         */
        private long peLoad(Dim[] t, int prime, boolean firstPe) {
            long full = fullVolume(t, firstPe);
            if (prime == -1) {
                return full;
            }
            boolean allUnrolled = true;
            int tensorPrime = -1;
            for (Dim d : t) {
                int j = lv.index[d.ordinal()];
                if (st[j] != UNROLL) {
                    allUnrolled = false;
                    if (st[j] != INIT || prime > j) {
                        tensorPrime = Math.max(tensorPrime, j);
                    }
                }
            }
            if (allUnrolled) {
                return 0;
            }
            if (tensorPrime == -1) {
                return full;
            }
            if (tensorPrime != prime) {
                return 0;
            }
            return volume(t, firstPe, (j, dir, dim) -> j == prime ? ClusterLevel.unique(dir)
                    : st[j] == UNROLL ? lv.dims[dim] : dir.size());
        }

        private long fullVolume(Dim[] t, boolean firstPe) {
            boolean spatial = spatiallyMapped(t);
            return volume(t, firstPe, (j, dir, dim) -> !(spatial || firstPe) ? 0
                    : lv.initEdge[j] ? lv.dims[dim] % dir.offset() : dir.size());
        }

        /**
         * Product over the dims of tensor {@code t} of their extents in one sub-cluster: a spatially mapped dim's
         * tile (the first sub-cluster's whole tile, else its unique part), a temporally mapped one's from
         * {@code temporal}.
         */
        private long volume(Dim[] t, boolean firstPe, TemporalExtent temporal) {
            long v = 1;
            for (Dim d : t) {
                int j = lv.index[d.ordinal()];
                Directive dir = lv.dirs[j];
                v *= dir.kind() == Kind.SPATIAL ? (firstPe ? dir.size() : ClusterLevel.unique(dir))
                        : temporal.of(j, dir, d.ordinal());
            }
            return v;
        }

        /**
         * Outputs of one sub-cluster in the current case: {@code partial} = partial sums it computes (every mapped
         * dim counts; an input-dim tile of size t under a filter tile f yields t - f + 1 positions); otherwise the
         * finished outputs it sends up (output dims only). Edge tiles shrink to the remainder.
         */
        private long outputs(boolean partial, boolean spEdgePe) {
            long n = 1;
            for (int j = 0; j < lv.dirs.length; j++) {
                Directive d = lv.dirs[j];
                int dimSize = lv.dims[d.dim().ordinal()];
                int a = d.size();
                if (d.kind() == Kind.TEMPORAL) {
                    if (st[j] == EDGE) {
                        a = dimSize - (dimSize / d.offset()) * d.offset();
                    } else if ((st[j] == INIT || st[j] == UNROLL) && lv.initEdge[j]) {
                        a = dimSize;
                    }
                } else if (st[j] == EDGE || (st[j] == INIT && lv.initEdge[j])) {
                    if (dimSize < d.size()) {
                        a = dimSize;
                    } else if (spEdgePe) {
                        a = dimSize % d.offset();
                        a = a == 0 ? d.size() : a;
                    }
                }
                Dim dim = d.dim();
                boolean sliding = dim == Dim.R || dim == Dim.S;
                boolean reference = dim == Dim.Y || dim == Dim.X;
                if (!partial) {
                    if (sliding) {
                        int ref = lv.directive(dim == Dim.R ? Dim.Y : Dim.X).size();
                        a = ref < d.size() ? a : 1;
                    } else if (reference) {
                        int sl = lv.directive(dim == Dim.Y ? Dim.R : Dim.S).size();
                        a = d.size() < sl ? a : d.size() - sl + 1;
                    }
                } else if (sliding) {
                    a = d.size();
                } else if (reference) {
                    int sl = lv.directive(dim == Dim.Y ? Dim.R : Dim.S).size();
                    a = Math.max(1, a - sl + 1);
                }
                if (partial || contains(tensors.output(), dim)) {
                    n *= a;
                }
            }
            return n;
        }

        /** @return L2 writes filling the global buffer once with every tensor (outputs: Y-R+1 x X-S+1 positions) */
        long initialL2Writes() {
            long w = 0;
            for (Dim[] t : new Dim[][] {tensors.input(), tensors.weight()}) {
                long v = 1;
                for (Dim d : t) {
                    v *= lv.dims[d.ordinal()];
                }
                w += v;
            }
            long o = 1;
            for (Dim d : tensors.output()) {
                o *= d == Dim.Y || d == Dim.X ? lv.adjusted(d) : lv.dims[d.ordinal()];
            }
            return w + o;
        }

        private static boolean contains(Dim[] t, Dim d) {
            for (Dim x : t) {
                if (x == d) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The extent of a temporally mapped dim in one sub-cluster, by its loop position and its index in the dims. */
    @FunctionalInterface
    private interface TemporalExtent {
        long of(int j, Directive dir, int dim);
    }
}
