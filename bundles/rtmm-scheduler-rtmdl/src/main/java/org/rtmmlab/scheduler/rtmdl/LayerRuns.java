package org.rtmmlab.scheduler.rtmdl;

import java.util.List;
import org.rtmmlab.api.scheduler.CostView;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.OpType;

/**
 * The sub-task structure of every model variant, computed once per run so that a decision reads it in O(1) instead of
 * walking a job's layers (issue 15): whether each layer is a CPU stage (HOST) and, per accelerator, how many
 * consecutive layers from each layer are of the same kind (CPU or GPU) and run on that accelerator. Relies on the
 * run's costs being fixed: which accelerator runs which layer ({@link CostView#supported}) does not change.
 */
final class LayerRuns {

    /** {@code host[m][v][l]}: layer l of model m, variant v is a HOST (CPU) stage. */
    private final boolean[][][] host;
    /** {@code runs[m][v][a][l]}: consecutive layers from l of l's kind that accelerator a runs. */
    private final int[][][][] runs;

    LayerRuns(CostView costs) {
        int models = costs.modelCount();
        host = new boolean[models][][];
        runs = new int[models][][][];
        for (int m = 0; m < models; m++) {
            int variants = costs.model(m).variantCount();
            host[m] = new boolean[variants][];
            runs[m] = new int[variants][costs.acceleratorCount()][];
            for (int v = 0; v < variants; v++) {
                List<Layer> layers = costs.model(m).layersOf(v);
                boolean[] h = new boolean[layers.size()];
                for (int l = 0; l < h.length; l++) {
                    h[l] = layers.get(l).type() == OpType.HOST;
                }
                host[m][v] = h;
                for (int a = 0; a < costs.acceleratorCount(); a++) {
                    int[] r = new int[h.length + 1];
                    for (int l = h.length - 1; l >= 0; l--) {
                        r[l] = !costs.supported(m, v, l, a) ? 0 : 1 + (l + 1 < h.length && h[l + 1] == h[l] ? r[l + 1] : 0);
                    }
                    runs[m][v][a] = r;
                }
            }
        }
    }

    /** @return true if layer {@code l} of model {@code m}, variant {@code v} is a CPU stage (HOST) */
    boolean host(int m, int v, int l) {
        return host[m][v][l];
    }

    /**
     * @return how many consecutive layers from {@code from} are CPU stages ({@code cpu}) or GPU layers (not
     *         {@code cpu}) and run on accelerator {@code a}; 0 when layer {@code from} is of the other kind or past the
     *         last
     */
    int run(int m, int v, int from, int a, boolean cpu) {
        boolean[] h = host[m][v];
        return from < h.length && h[from] == cpu ? runs[m][v][a][from] : 0;
    }
}
