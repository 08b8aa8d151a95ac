package org.rtmmlab.scheduler.classic;

import java.util.Arrays;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.scheduler.dispatch.AcceleratorChoice;

/**
 * The accelerators ranked by {@link AcceleratorChoice#fastestIdle}'s rule (lowest block latency, then lower block
 * energy if asked, then lower index; only those that run the block's first layer), per (model, variant, first layer),
 * for a policy whose block size is fixed by these ({@code blockLayers} and the remaining layers). Costs do not change
 * during a run, so each ranking is computed once, on first use, and a dispatch then takes the first available
 * accelerator of its ranking instead of pricing the block on every accelerator. A call on another view object than
 * the last (a hand-made test view) starts afresh.
 */
final class AcceleratorRanking {

    /** One block's ranking, and how much of the block each accelerator runs. */
    static final class RankedBlock {
        /** Layers of the block the ranking is for. */
        final int layers;
        /** Accelerators that run the block's first layer, best first. */
        final int[] order;
        /**
         * Per accelerator index: {@link AcceleratorChoice#supportedPrefix} of the block on it, 0 when it cannot run
         * the first layer (issue 13).
         */
        final int[] prefix;

        RankedBlock(int layers, int[] order, int[] prefix) {
            this.layers = layers;
            this.order = order;
            this.prefix = prefix;
        }

        /** @return the first accelerator of the ranking that is {@code available}, or -1 */
        int firstAvailable(boolean[] available) {
            for (int a : order) {
                if (available[a]) {
                    return a;
                }
            }
            return -1;
        }
    }

    private final int blockLayers;
    private final boolean energyTieBreak;
    private SchedulerView lastView;
    /** {@code ranks[m][v][from]}: null until first asked. */
    private RankedBlock[][][] ranks = new RankedBlock[0][][];

    /**
     * @param blockLayers    the policy's layers per block, 0 = the whole remaining job
     * @param energyTieBreak rule 4's energy tie-break (false: XRBench's latency-then-index rule)
     */
    AcceleratorRanking(int blockLayers, boolean energyTieBreak) {
        this.blockLayers = blockLayers;
        this.energyTieBreak = energyTieBreak;
    }

    /** @return the ranking of the policy's block of model {@code m}/{@code variant} from layer {@code from} */
    RankedBlock block(SchedulerView view, int m, int variant, int from) {
        if (view != lastView) {
            lastView = view;
            ranks = new RankedBlock[view.modelCount()][][];
        }
        RankedBlock[][] byVariant = ranks[m];
        if (byVariant == null || byVariant.length <= variant) {
            byVariant = Arrays.copyOf(byVariant == null ? new RankedBlock[0][] : byVariant, variant + 1);
            ranks[m] = byVariant;
        }
        RankedBlock[] byLayer = byVariant[variant];
        if (byLayer == null) {
            byLayer = new RankedBlock[view.layerCount(m, variant)];
            byVariant[variant] = byLayer;
        }
        RankedBlock r = byLayer[from];
        if (r == null) {
            r = rank(view, m, variant, from);
            byLayer[from] = r;
        }
        return r;
    }

    private RankedBlock rank(SchedulerView view, int m, int variant, int from) {
        int count = BlockLayers.next(blockLayers, view.layerCount(m, variant) - from);
        int accelerators = view.acceleratorCount();
        boolean[] none = new boolean[accelerators];
        int[] order = new int[accelerators];
        int n = 0;
        // repeated selection with the rule itself, so the ranking is by definition what the scan would pick
        while (true) {
            int a = AcceleratorChoice.fastestIdleIgnoringState(view, none, m, variant, from, count, energyTieBreak);
            if (a < 0) {
                break;
            }
            order[n++] = a;
            none[a] = true;
        }
        int[] prefix = new int[accelerators];
        for (int a = 0; a < accelerators; a++) {
            prefix[a] = view.supported(m, variant, from, a)
                    ? AcceleratorChoice.supportedPrefix(view, m, variant, from, count, a) : 0;
        }
        return new RankedBlock(count, Arrays.copyOf(order, n), prefix);
    }
}
