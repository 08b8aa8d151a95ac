package org.rtmmlab.scheduler.dream;

/**
 * DREAM's supernet switching (first version of the paper, SDRM3: "supernet sub-network selection by system load";
 * the mechanism below is reconstructed): one variant level for the whole system, stepped one level down (to a
 * smaller sub-network: variants are listed from largest to smallest) while the smoothed load is above {@code high}
 * and one level up while it is below {@code low}, at most one change per {@code dwellNs}. Model {@code m} runs variant
 * {@code min(level, its variant count - 1)}; the scheduler applies it to jobs that have not started.
 *
 * <p>Load = backlog / (accelerators x mean relative deadline of the unfinished jobs), backlog = the sum of their
 * remaining latencies on their best accelerators: above 1, even perfect parallelism cannot clear the queued work within
 * a typical deadline. It is smoothed exponentially in time (time constant {@code tauNs}).
 */
final class SupernetSwitcher {

    private final int maxLevel;
    private final double high;
    private final double low;
    private final double tauNs;
    private final long dwellNs;
    private int level;
    private double smoothed;
    private long lastUpdateNs = -1;
    private long lastChangeNs = Long.MIN_VALUE / 2;
    private int changes;

    /**
     * @param maxLevel highest level (largest variant count of any model - 1); 0 = nothing to switch
     * @param high     load above which the level steps down a size
     * @param low      load below which it steps up, &lt; high
     * @param tauNs    smoothing time constant, ns, &gt; 0
     * @param dwellNs  least time between two changes, ns
     */
    SupernetSwitcher(int maxLevel, double high, double low, long tauNs, long dwellNs) {
        this.maxLevel = maxLevel;
        this.high = high;
        this.low = low;
        this.tauNs = tauNs;
        this.dwellNs = dwellNs;
    }

    /** @return the load signal (see the class comment); 0 without unfinished jobs */
    static double load(double backlogNs, double sumRelativeDeadlineNs, int jobs, int accelerators) {
        if (jobs == 0 || sumRelativeDeadlineNs <= 0) {
            return 0;
        }
        return backlogNs / (accelerators * (sumRelativeDeadlineNs / jobs));
    }

    /**
     * Smooths {@code load} in and moves the level if a threshold is crossed and the dwell time has passed.
     *
     * @return the level now
     */
    int update(long nowNs, double load) {
        if (lastUpdateNs < 0) {
            smoothed = load;
        } else if (nowNs > lastUpdateNs) {
            smoothed += (1 - Math.exp(-(nowNs - lastUpdateNs) / tauNs)) * (load - smoothed);
        }
        lastUpdateNs = nowNs;
        if (nowNs - lastChangeNs >= dwellNs) {
            if (smoothed > high && level < maxLevel) {
                level++;
                lastChangeNs = nowNs;
                changes++;
            } else if (smoothed < low && level > 0) {
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

    /** @return the smoothed load */
    double smoothedLoad() {
        return smoothed;
    }

    /** @return how many times the level changed */
    int changes() {
        return changes;
    }

    /** @return the variant model with {@code variantCount} variants runs at the current level */
    int variantFor(int variantCount) {
        return Math.min(level, variantCount - 1);
    }
}
