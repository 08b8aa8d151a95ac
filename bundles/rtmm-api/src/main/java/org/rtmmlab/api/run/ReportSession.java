package org.rtmmlab.api.run;

import java.io.IOException;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One reporter's view of one run: a stream of records, then the result. Records arrive in simulation order;
 * implementations should stream to disk rather than keep the run in memory.
 */
@ConsumerType
public interface ReportSession {

    /** A block finished executing. */
    default void onBlock(BlockRecord block) throws IOException {
    }

    /** A request ended (completed, dropped, or in flight at the end of the run). */
    default void onRequest(RequestRecord request) throws IOException {
    }

    /**
     * The scheduler was replaced mid-run (hot swap in the container); records after this one were decided by the new
     * scheduler. Arrives in simulation order with the other records.
     *
     * @since 1.3
     */
    default void onSwap(SchedulerSwap swap) throws IOException {
    }

    /**
     * The run ended. Write remaining files and close them.
     *
     * @return extra named figures to merge into the run's metrics (may be empty)
     */
    Map<String, Double> finish(RunResult result) throws IOException;

    /**
     * The run failed before {@link #finish}: release open files and other resources. What the session wrote is
     * discarded by the engine (runs write into a staging directory that only replaces the output directory when the
     * run succeeds), so nothing needs to be completed. Default: nothing to release.
     *
     * @since 1.2
     */
    default void abort() {
    }
}
