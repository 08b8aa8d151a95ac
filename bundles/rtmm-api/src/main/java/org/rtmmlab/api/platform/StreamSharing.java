package org.rtmmlab.api.platform;

import org.rtmmlab.api.InvalidInputException;

/**
 * Slowdown of a block that shares a GPU spatially with another stream (RT-mDL's two-stream "GPU packing"; Ling et al.,
 * SenSys 2021, section 4.2), for cost models to use in
 * {@link AcceleratorModel#layerCost(org.rtmmlab.api.workload.Model, int, int, Accelerator, double)}.
 *
 * <p>A block dispatched with {@code share} &lt; 1 co-runs with another stream. Its latency is
 * {@code ceil(aloneNs * max(1, utilisation / share) * (1 + interference))}:
 * <ul>
 *   <li>{@code utilisation} in (0, 1]: the fraction of the GPU the layer's kernels keep busy when they run alone
 *       (from the cost model: achieved versus peak throughput). A layer that needs more than its share is stretched
 *       in proportion; one that needs less loses nothing to the partition itself.</li>
 *   <li>{@code interference} &gt;= 0: the extra time co-running kernels lose to each other in the shared L2 cache and
 *       memory bandwidth. <b>Assumption</b>: our sources (the RT-mDL abstract and the measured H100 profile of isolated
 *       layers) give no co-run measurement, so {@link #DEFAULT_INTERFERENCE} = 0.2 is a guess, not a measured
 *       figure. It lies inside the range published for spatial sharing of one GPU: Villarrubia et al. (arXiv
 *       2604.22430, 2026) report MPS co-execution from about 30% faster to about 30% slower under memory contention,
 *       for whole applications, not per layer. A platform sets its own value with the accelerator attribute
 *       {@value #INTERFERENCE_ATTRIBUTE} ({@link #interference(Accelerator)}).</li>
 * </ul>
 * A share of 1 is the whole GPU: the layer runs alone at its measured time. Energy is unchanged (the same work).
 * The slowdown is fixed when the block is dispatched (the engine prices blocks once); a block dispatched with a share
 * &lt; 1 pays it even if its partner finishes first, which makes the model conservative.
 *
 * @since 1.2
 */
public final class StreamSharing {

    /** Guessed co-run interference (see the class comment): 20% extra time when two streams share the GPU. */
    public static final double DEFAULT_INTERFERENCE = 0.2;

    /** Accelerator attribute that sets the co-run interference of a GPU, a number &gt;= 0 (e.g. {@code "0.1"}). */
    public static final String INTERFERENCE_ATTRIBUTE = "coRunInterference";

    private StreamSharing() {
    }

    /**
     * @param accelerator a GPU
     * @return its attribute {@value #INTERFERENCE_ATTRIBUTE}, or {@link #DEFAULT_INTERFERENCE} (a guess) without one
     * @throws InvalidInputException naming the attribute if it is not a finite number &gt;= 0
     * @since 1.2
     */
    public static double interference(Accelerator accelerator) {
        String text = accelerator.attribute(INTERFERENCE_ATTRIBUTE, null);
        if (text == null) {
            return DEFAULT_INTERFERENCE;
        }
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidInputException("", "attributes." + INTERFERENCE_ATTRIBUTE, "must be a finite number >= 0"
                    + " (extra time of two co-running GPU streams, 0.2 = 20%), got '" + text + "'");
        }
        return v;
    }

    /**
     * @param aloneNs      latency of the layer alone on the whole GPU, ns, &gt;= 0
     * @param utilisation  fraction of the GPU the layer keeps busy alone, in (0, 1] (clamped to it)
     * @param share        the block's share of the GPU, in (0, 1]
     * @param interference co-run interference, &gt;= 0
     * @return the layer's latency on {@code share} while co-running, ns
     */
    public static long coRunLatencyNs(long aloneNs, double utilisation, double share, double interference) {
        if (!(share > 0 && share <= 1)) {
            throw new InvalidInputException("", "share", "must be in (0, 1], got " + share);
        }
        if (!(interference >= 0) || Double.isInfinite(interference)) {
            throw new InvalidInputException("", "interference", "must be finite and >= 0, got " + interference);
        }
        if (share >= 1) {
            return aloneNs;
        }
        double u = Double.isNaN(utilisation) ? 1 : Math.min(1, Math.max(utilisation, 0));
        double stretch = Math.max(1, u / share) * (1 + interference);
        return (long) Math.ceil(aloneNs * stretch);
    }
}
