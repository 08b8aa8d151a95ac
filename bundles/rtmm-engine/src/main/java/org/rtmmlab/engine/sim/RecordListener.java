package org.rtmmlab.engine.sim;

import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.SchedulerSwap;

/** Receives the record stream of a run, in simulation order. */
public interface RecordListener {

    /** A listener that ignores everything. */
    RecordListener NONE = new RecordListener() {
        @Override
        public boolean wantsBlocks() {
            return false;
        }

        @Override
        public void onBlock(BlockRecord block) {
        }

        @Override
        public void onRequest(RequestRecord request) {
        }
    };

    /** @return false if block records may be skipped (saves an allocation per block) */
    boolean wantsBlocks();

    /** A block finished. */
    void onBlock(BlockRecord block);

    /** A request ended (completed, dropped, or in flight at the end). */
    void onRequest(RequestRecord request);

    /** The scheduler was replaced (hot swap); records after it were decided by the new one. Default: ignored. */
    default void onSwap(SchedulerSwap swap) {
    }
}
