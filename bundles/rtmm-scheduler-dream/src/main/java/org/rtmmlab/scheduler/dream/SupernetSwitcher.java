package org.rtmmlab.scheduler.dream;

/**
 * DREAM's supernet switching (first version of the paper, SDRM3: "supernet sub-network selection by system load";
 * the mechanism below is reconstructed): one variant level for the whole system (0 = full models; variants are listed
 * from largest to smallest, so level + 1 is a smaller sub-network); model {@code m} runs variant
 * {@code min(level, its variant count - 1)}, applied by the scheduler to jobs that have not started.
 *
 * <p>Load signal, per level: the work released recently (each released request's model at that level, every layer on
 * its fastest accelerator), as an exponentially decayed sum with time constant {@code tauNs}, divided by
 * {@code tauNs x accelerators}: the utilisation the recent arrivals would need at that level. The level steps down
 * while the load at the current level is above {@code high}, and up while the load at the next larger level would be
 * below {@code low} (&lt; high: hysteresis), at most one step per {@code dwellNs}. Because the load of each level is
 * predicted from the same arrivals, a smaller level does not make the signal fall and bounce the level back.
 */
final class SupernetSwitcher {

    private final int maxLevel;
    private final double high;
    private final double low;
    private final double tauNs;
    private final long dwellNs;
    private final double[] work;
    private final int accelerators;
    private int level;
    private long lastDecayNs;
    private long lastChangeNs = Long.MIN_VALUE / 2;
    private int changes;

    /**
     * @param maxLevel     highest level (largest variant count of any model - 1); 0 = nothing to switch
     * @param accelerators accelerators of the platform
     * @param high         load above which the level steps down a size
     * @param low          load of the larger level below which it steps up, &lt; high
     * @param tauNs        time constant of the decayed work sums, ns, &gt; 0
     * @param dwellNs      least time between two changes, ns
     */
    SupernetSwitcher(int maxLevel, int accelerators, double high, double low, long tauNs, long dwellNs) {
        this.maxLevel = maxLevel;
        this.accelerators = accelerators;
        this.high = high;
        this.low = low;
        this.tauNs = tauNs;
        this.dwellNs = dwellNs;
        this.work = new double[maxLevel + 1];
    }

    /** @return the highest level */
    int maxLevel() {
        return maxLevel;
    }

    /** Decays the work sums to {@code nowNs}. */
    void decayTo(long nowNs) {
        if (nowNs > lastDecayNs) {
            double f = Math.exp(-(nowNs - lastDecayNs) / tauNs);
            for (int l = 0; l < work.length; l++) {
                work[l] *= f;
            }
            lastDecayNs = nowNs;
        }
    }

    /** Adds a released request's work at level {@code level}, ns. */
    void released(int level, double workNs) {
        work[level] += workNs;
    }

    /** @return the load at level {@code l} */
    double load(int l) {
        return work[l] / (tauNs * accelerators);
    }

    /** Moves the level one step if a threshold is crossed and the dwell time has passed. @return the level now */
    int update(long nowNs) {
        if (nowNs - lastChangeNs >= dwellNs) {
            if (level < maxLevel && load(level) > high) {
                level++;
                lastChangeNs = nowNs;
                changes++;
            } else if (level > 0 && load(level - 1) < low) {
                level--;
                lastChangeNs = nowNs;
                changes++;
            }
        }
        return level;
    }

    /** @return the current level (0 = full models) */
    int level() {
        return level;
    }

    /** @return how many times the level changed */
    int changes() {
        return changes;
    }

    /** @return the variant a model with {@code variantCount} variants runs at level {@code l} */
    static int variantAt(int l, int variantCount) {
        return Math.min(l, variantCount - 1);
    }
}
