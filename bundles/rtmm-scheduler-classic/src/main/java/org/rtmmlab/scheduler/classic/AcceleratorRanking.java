package org.rtmmlab.scheduler.classic;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/**
 * The accelerators ranked by {@link AcceleratorChoice#fastestIdle}'s rule (lowest block latency, then lower block
 * energy, then lower index; only those that run the block's first layer), per (model, variant, first layer) of a
 * job-ordering policy, whose block size is fixed by these ({@code blockLayers} and the remaining layers). Costs do
 * not change during a run, so each ranking is computed once, on first use, and a dispatch then takes the first idle
 * accelerator of its ranking instead of pricing the block on every accelerator. A call on another view object than
 * the last (a hand-made test view) starts afresh.
 */
final class AcceleratorRanking {

    private final int blockLayers;
    private SchedulerView lastView;
    /** {@code ranks[m][v][from]}: accelerator indices, best first; null until first asked. */
    private int[][][][] ranks = new int[0][][][];

    /** @param blockLayers the policy's layers per block, 0 = the whole remaining job */
    AcceleratorRanking(int blockLayers) {
        this.blockLayers = blockLayers;
    }

    /**
     * @return what {@code AcceleratorChoice.fastestIdle(view, taken, m, variant, from, count, true)} returns for the
     * policy's block from layer {@code from}: the best idle accelerator not in {@code taken}, or -1
     */
    int fastestIdle(SchedulerView view, boolean[] taken, int m, int variant, int from) {
        for (int a : ranking(view, m, variant, from)) {
            if (!taken[a] && view.idle(a)) {
                return a;
            }
        }
        return -1;
    }

    private int[] ranking(SchedulerView view, int m, int variant, int from) {
        if (view != lastView) {
            lastView = view;
            ranks = new int[view.modelCount()][][][];
        }
        int[][][] byVariant = ranks[m];
        if (byVariant == null || byVariant.length <= variant) {
            byVariant = Arrays.copyOf(byVariant == null ? new int[0][][] : byVariant, variant + 1);
            ranks[m] = byVariant;
        }
        int[][] byLayer = byVariant[variant];
        if (byLayer == null) {
            byLayer = new int[view.layerCount(m, variant)][];
            byVariant[variant] = byLayer;
        }
        int[] r = byLayer[from];
        if (r == null) {
            r = rank(view, m, variant, from);
            byLayer[from] = r;
        }
        return r;
    }

    private int[] rank(SchedulerView view, int m, int variant, int from) {
        int count = BlockLayers.next(blockLayers, view.layerCount(m, variant) - from);
        boolean[] none = new boolean[view.acceleratorCount()];
        int[] order = new int[view.acceleratorCount()];
        int n = 0;
        // repeated selection with the rule itself, so the ranking is by definition what the scan would pick
        while (true) {
            int a = AcceleratorChoice.fastestIdleIgnoringState(view, none, m, variant, from, count);
            if (a < 0) {
                return Arrays.copyOf(order, n);
            }
            order[n++] = a;
            none[a] = true;
        }
    }
}
