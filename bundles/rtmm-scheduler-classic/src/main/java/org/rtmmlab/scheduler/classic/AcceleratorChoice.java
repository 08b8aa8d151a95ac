package org.rtmmlab.scheduler.classic;

import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The "dispatch adaptor" shared by the classic policies (docs/baselines.md, common porting rule 4): pick the idle
 * accelerator that runs a given block fastest. Accelerators already given a block in the current decision
 * ({@code taken}) are skipped, because decisions apply only after the call.
 */
final class AcceleratorChoice {

    private AcceleratorChoice() {
    }

    /**
     * @param taken          accelerators already used in this decision, by index
     * @param energyTieBreak on equal latency prefer lower block energy (rule 4); false = XRBench's rule (latency
     *                       only)
     * @return the idle, untaken accelerator with the lowest latency for layers {@code [from, from + count)} of
     * model {@code m}/{@code variant}; ties: lower energy (if asked), then lower index; -1 if none is idle
     */
    static int fastestIdle(SchedulerView view, boolean[] taken, int m, int variant, int from, int count,
                           boolean energyTieBreak) {
        boolean wholeRemainder = from + count == view.layerCount(m, variant);
        int best = -1;
        long bestNs = Long.MAX_VALUE;
        double bestPj = Double.MAX_VALUE;
        for (int a = 0; a < view.acceleratorCount(); a++) {
            if (taken[a] || !view.idle(a)) {
                continue;
            }
            long ns = wholeRemainder ? view.remainingLatencyNs(m, variant, from, a)
                    : view.blockLatencyNs(m, variant, from, count, a);
            if (ns > bestNs) {
                continue;
            }
            double pj = 0;
            if (energyTieBreak) {
                pj = wholeRemainder ? view.remainingEnergyPj(m, variant, from, a)
                        : view.blockEnergyPj(m, variant, from, count, a);
            }
            if (ns < bestNs || pj < bestPj) { // equal latency: lower energy wins; equal both: keep the lower index
                best = a;
                bestNs = ns;
                bestPj = pj;
            }
        }
        return best;
    }
}
