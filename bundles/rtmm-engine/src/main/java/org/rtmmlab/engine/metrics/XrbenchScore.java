package org.rtmmlab.engine.metrics;

/**
 * The XRBench per-frame score terms (docs/metrics.md, docs/xrbench-runtime.md section 5), in double precision (default mode)
 * and in the float32 arithmetic of the reference C++ code (compatibility mode).
 */
public final class XrbenchScore {

    /** Steepness of the real-time score, per ms. */
    public static final double K = 15;
    /** Energy at which the energy score reaches 0, mJ. */
    public static final double E_MAX_MJ = 1500;

    private XrbenchScore() {
    }

    /** @return real-time score 1 / (1 + exp(k x delay)) for {@code delayMs} = completion - deadline, in double */
    public static double realTime(double delayMs) {
        return 1.0 / (1.0 + Math.exp(K * delayMs));
    }

    /** @return energy score (E_max - E) / E_max for an inference of {@code energyMj}, in double */
    public static double energy(double energyMj) {
        return (E_MAX_MJ - energyMj) / E_MAX_MJ;
    }

    /** @return the real-time score as the C++ code computes it: {@code 1/(1 + expf(15f * delay))} in float32 */
    public static float realTimeF(float completionMs, float deadlineMs) {
        float delay = completionMs - deadlineMs;
        float e = (float) Math.exp(15f * delay);
        return 1f / (1f + e);
    }

    /** @return the energy score as the C++ code computes it: double arithmetic on the float32 energy, stored as float */
    public static float energyF(float energyMj) {
        return (float) ((1500.0 - (double) energyMj) / 1500.0);
    }
}
