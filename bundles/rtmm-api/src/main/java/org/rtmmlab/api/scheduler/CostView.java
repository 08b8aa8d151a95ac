package org.rtmmlab.api.scheduler;

import org.osgi.annotation.versioning.ProviderType;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.workload.Model;

/**
 * Precomputed cost look-ups for one run's platform and models, index-based and allocation-free.
 * Model index {@code m} is the position in the scenario's model list, accelerator index {@code a} the position in
 * the platform, {@code variant} 0 the full model. Times in nanoseconds, energy in picojoules.
 */
@ProviderType
public interface CostView {

    /**
     * Latency the engine's views report for a layer, block or remainder that contains a layer the accelerator cannot
     * run ({@link #supported}): {@code Long.MAX_VALUE / 4} ns (about 73 years), so latency-greedy policies never
     * prefer it and a few such values still add up without overflow. Its energy reads as positive infinity.
     *
     * @since 1.4
     */
    long UNSUPPORTED_LATENCY_NS = Long.MAX_VALUE / 4;

    /**
     * @return true if accelerator {@code a} can run layer {@code layer} of model {@code m}/{@code variant} (its cost
     * model's {@code supportsLayer}); the engine rejects a dispatch of a block with an unsupported layer. Default:
     * true (views written before 1.4 know no unsupported layers).
     * @since 1.4
     */
    default boolean supported(int m, int variant, int layer, int a) {
        return true;
    }

    /**
     * @return true if accelerator {@code a} can run every layer of {@code [from, from + count)}. Default: each
     * {@link #supported} in turn.
     * @since 1.4
     */
    default boolean blockSupported(int m, int variant, int from, int count, int a) {
        for (int l = from; l < from + count; l++) {
            if (!supported(m, variant, l, a)) {
                return false;
            }
        }
        return true;
    }

    /** @return number of models in the scenario */
    int modelCount();

    /** @return model {@code m} */
    Model model(int m);

    /** @return number of accelerators on the platform */
    int acceleratorCount();

    /** @return accelerator {@code a} */
    Accelerator accelerator(int a);

    /** @return latency of layer {@code layer} of model {@code m}/{@code variant} on accelerator {@code a}, ns */
    long latencyNs(int m, int variant, int layer, int a);

    /** @return dynamic energy of that layer on accelerator {@code a}, pJ */
    double energyPj(int m, int variant, int layer, int a);

    /** @return latency of layers {@code [from, from + count)} on accelerator {@code a}, ns */
    long blockLatencyNs(int m, int variant, int from, int count, int a);

    /** @return energy of layers {@code [from, from + count)} on accelerator {@code a}, pJ */
    double blockEnergyPj(int m, int variant, int from, int count, int a);

    /** @return latency of the layers from {@code from} to the end on accelerator {@code a}, ns (suffix sum) */
    long remainingLatencyNs(int m, int variant, int from, int a);

    /**
     * @return "isolated" remaining latency: each remaining layer on its fastest accelerator, ignoring switch
     * costs, ns
     */
    long remainingLatencyFastestNs(int m, int variant, int from);

    /** @return energy of the layers from {@code from} to the end on accelerator {@code a}, pJ */
    double remainingEnergyPj(int m, int variant, int from, int a);

    /** @return number of layers of model {@code m}, variant {@code variant} */
    int layerCount(int m, int variant);
}
