package org.rtmmlab.api.scheduler.dispatch;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The "dispatch adaptor" of the classic policies (docs/baselines.md, common porting rule 4), shared with the other
 * schedulers that place a block on the fastest idle accelerator: pick the idle accelerator that runs a given block
 * fastest. Accelerators already given a block in the current decision ({@code taken}) are skipped, because decisions
 * apply only after the call.
 */
public final class AcceleratorChoice {

    private AcceleratorChoice() {
    }

    /**
     * @return {@code count}, or the length of the longest prefix of {@code [from, from + count)} that accelerator
     * {@code a} runs when it cannot run the whole block (issue 13: CPU stages and DNN layers on different
     * accelerators); at least 1 when {@code a} runs layer {@code from}
     */
    public static int supportedPrefix(SchedulerView view, int m, int variant, int from, int count, int a) {
        if (view.blockSupported(m, variant, from, count, a)) {
            return count;
        }
        int n = 0;
        while (n < count && view.supported(m, variant, from + n, a)) {
            n++;
        }
        return n;
    }

    /**
     * @param view           the decision's view
     * @param taken          accelerators already used in this decision, by index; null when none is
     * @param m              model index
     * @param variant        variant index
     * @param from           first layer of the block
     * @param count          layers of the block
     * @param energyTieBreak on equal latency prefer lower block energy (rule 4); false = XRBench's rule (latency
     *                       only)
     * @return the idle, untaken accelerator with the lowest latency for layers {@code [from, from + count)} of
     * model {@code m}/{@code variant}; ties: lower energy (if asked), then lower index; -1 if none is idle
     */
    public static int fastestIdle(SchedulerView view, boolean[] taken, int m, int variant, int from, int count,
                           boolean energyTieBreak) {
        return best(view, taken, m, variant, from, count, energyTieBreak, true);
    }

    /**
     * @param view    the view (only its costs are read)
     * @param taken   accelerators to leave out, by index
     * @param m       model index
     * @param variant variant index
     * @param from    first layer of the block
     * @param count   layers of the block
     * @return the accelerator {@link #fastestIdle} (with the energy tie-break) would pick if every accelerator not in
     * {@code taken} were idle; -1 if none runs layer {@code from}
     */
    public static int fastestIdleIgnoringState(SchedulerView view, boolean[] taken, int m, int variant, int from, int count) {
        return best(view, taken, m, variant, from, count, true, false);
    }

    /**
     * @param view           the view (only its costs are read)
     * @param taken          accelerators to leave out, by index
     * @param m              model index
     * @param variant        variant index
     * @param from           first layer of the block
     * @param count          layers of the block
     * @param energyTieBreak as in {@link #fastestIdle}
     * @return the accelerator {@link #fastestIdle} with this tie-break would pick if every accelerator not in
     * {@code taken} were idle; -1 if none runs layer {@code from}. Ranking the accelerators by repeated calls (each
     * pick added to {@code taken}) once per block lets a dispatch take the first idle one of the ranking instead.
     * @since 1.1
     */
    public static int fastestIdleIgnoringState(SchedulerView view, boolean[] taken, int m, int variant, int from,
                                               int count, boolean energyTieBreak) {
        return best(view, taken, m, variant, from, count, energyTieBreak, false);
    }

    private static int best(SchedulerView view, boolean[] taken, int m, int variant, int from, int count,
                            boolean energyTieBreak, boolean idleOnly) {
        boolean wholeRemainder = from + count == view.layerCount(m, variant);
        int best = -1;
        long bestNs = Long.MAX_VALUE;
        double bestPj = Double.NaN; // the best one's energy, read only when a latency tie needs it
        for (int a = 0; a < view.acceleratorCount(); a++) {
            if (taken != null && taken[a] || idleOnly && !view.idle(a) || !view.supported(m, variant, from, a)) {
                continue; // issue 13: an accelerator that cannot run the block's first layer is no choice
            }
            long ns = wholeRemainder ? view.remainingLatencyNs(m, variant, from, a)
                    : view.blockLatencyNs(m, variant, from, count, a);
            if (ns < bestNs) {
                best = a;
                bestNs = ns;
                bestPj = Double.NaN;
            } else if (ns == bestNs && energyTieBreak) { // equal latency: lower energy wins, else the lower index
                if (Double.isNaN(bestPj)) {
                    bestPj = energy(view, m, variant, from, count, best, wholeRemainder);
                }
                double pj = energy(view, m, variant, from, count, a, wholeRemainder);
                if (pj < bestPj) {
                    best = a;
                    bestPj = pj;
                }
            }
        }
        return best;
    }

    private static double energy(SchedulerView view, int m, int variant, int from, int count, int a,
                                 boolean wholeRemainder) {
        return wholeRemainder ? view.remainingEnergyPj(m, variant, from, a)
                : view.blockEnergyPj(m, variant, from, count, a);
    }
}
