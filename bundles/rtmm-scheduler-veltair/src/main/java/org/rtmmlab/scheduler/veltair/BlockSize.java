package org.rtmmlab.scheduler.veltair;

/**
 * VELTAIR's adaptive block granularity (ASPLOS 2022, section 4: coarser layer blocks when layer-wise scheduling
 * conflicts too often, finer ones when it rarely does). Counted per window of decision points that had a ready
 * block: a conflict is a ready block that found no idle accelerator; the conflict rate is conflicts / (conflicts +
 * dispatches). At the end of each window the block size doubles if the rate is above {@code conflictHigh}, halves if
 * it is below {@code conflictLow}, within [{@code minBlockLayers}, {@code maxBlockLayers}].
 */
final class BlockSize {

    private final VeltairSettings settings;
    private int layers;
    private int points;
    private long conflicts;
    private long dispatches;

    BlockSize(VeltairSettings settings) {
        this.settings = settings;
        this.layers = settings.blockLayers();
    }

    /** @return the current block size, layers */
    int layers() {
        return layers;
    }

    /** Records one decision point's outcome and adapts at the end of a window. */
    void record(int pointDispatches, int pointConflicts) {
        if (pointDispatches + pointConflicts == 0) {
            return;
        }
        dispatches += pointDispatches;
        conflicts += pointConflicts;
        if (++points < settings.window()) {
            return;
        }
        double rate = (double) conflicts / (conflicts + dispatches);
        if (rate > settings.conflictHigh()) {
            layers = (int) Math.min(settings.maxBlockLayers(), 2L * layers);
        } else if (rate < settings.conflictLow()) {
            layers = Math.max(settings.minBlockLayers(), layers / 2);
        }
        points = 0;
        conflicts = 0;
        dispatches = 0;
    }
}
