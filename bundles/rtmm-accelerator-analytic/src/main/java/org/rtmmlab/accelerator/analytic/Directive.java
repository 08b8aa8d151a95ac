package org.rtmmlab.accelerator.analytic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtmmlab.api.InvalidInputException;

/**
 * One MAESTRO data-centric directive (Kwon et al., "Understanding Reuse, Performance, and Hardware Cost of DNN
 * Dataflows: A Data-Centric Approach", MICRO 2019, section 3): {@code TemporalMap(size,offset) D} iterates dim D
 * over time in tiles of {@code size} that advance by {@code offset}; {@code SpatialMap(size,offset) D} gives
 * consecutive sub-clusters tiles of D that start {@code offset} apart; {@code Cluster(n,P)} groups n sub-clusters
 * into the units of the next (inner) level.
 *
 * @param kind   temporal, spatial or cluster
 * @param size   tile size (cluster: sub-clusters per cluster)
 * @param offset tile offset (cluster: unused, 0)
 * @param dim    mapped dimension (cluster: {@code null})
 */
record Directive(Kind kind, int size, int offset, Dim dim) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(TemporalMap|SpatialMap)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)\\s*([A-Za-z]'?)\\s*"
                    + "|\\s*Cluster\\s*\\(\\s*(\\d+)\\s*(?:,\\s*[PpLl]\\s*)?\\)\\s*");

    /** Directive classes. */
    enum Kind { TEMPORAL, SPATIAL, CLUSTER }

    /**
     * Loop dimensions of a convolution in MAESTRO's naming: K output channels, C input channels, R x S filter, Y x X
     * input rows/cols, and the output rows/cols Y', X' (only in directives: the analysis converts them to input
     * tiles). Batch N is not a MAESTRO tensor dimension here (the XRBench tensors omit it, N = 1 everywhere).
     */
    enum Dim {
        K, C, R, S, Y, X, Y_OUT, X_OUT;

        /** The six dims a cluster level's dimension table holds, in MAESTRO's (alphabetical) variable order. */
        static final Dim[] TABLE = {C, K, R, S, X, Y};

        /** @return the dim of {@code name} ({@code K C R S Y X Y' X'}) */
        static Dim of(String name) {
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "K" -> K;
                case "C" -> C;
                case "R" -> R;
                case "S" -> S;
                case "Y" -> Y;
                case "X" -> X;
                case "Y'" -> Y_OUT;
                case "X'" -> X_OUT;
                default -> throw new IllegalArgumentException("unknown dimension '" + name + "' (N is not modelled)");
            };
        }

        @Override
        public String toString() {
            return this == Y_OUT ? "Y'" : this == X_OUT ? "X'" : name();
        }
    }

    /** @return a temporal map */
    static Directive temporal(int size, int offset, Dim dim) {
        return new Directive(Kind.TEMPORAL, size, offset, dim);
    }

    /** @return {@code text} parsed, e.g. {@code TemporalMap(16,16)C}, {@code SpatialMap(1,1) Y'}, {@code Cluster(16,P)} */
    static Directive parse(String where, String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException(AnalyticAcceleratorModel.ID, where,
                    "not a MAESTRO directive (TemporalMap(s,o)D, SpatialMap(s,o)D or Cluster(n,P)): '" + text + "'");
        }
        try {
            if (m.group(5) != null) {
                return new Directive(Kind.CLUSTER, positive(m.group(5)), 0, null);
            }
            Kind kind = m.group(1).equals("TemporalMap") ? Kind.TEMPORAL : Kind.SPATIAL;
            return new Directive(kind, positive(m.group(2)), positive(m.group(3)), Dim.of(m.group(4)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(AnalyticAcceleratorModel.ID, where, e.getMessage() + ": '" + text + "'");
        }
    }

    private static int positive(String digits) {
        int v = Integer.parseInt(digits);
        if (v <= 0) {
            throw new IllegalArgumentException("sizes and offsets must be > 0");
        }
        return v;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CLUSTER -> "Cluster(" + size + ",P)";
            case TEMPORAL -> "TemporalMap(" + size + "," + offset + ")" + dim;
            case SPATIAL -> "SpatialMap(" + size + "," + offset + ")" + dim;
        };
    }
}
