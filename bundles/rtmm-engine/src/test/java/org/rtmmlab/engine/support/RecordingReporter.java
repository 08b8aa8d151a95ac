package org.rtmmlab.engine.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * Reporter {@code record} keeping every record of the runs it reports, per run, for assertions. Thread-safe per run
 * (each open() gets its own {@link Recording}).
 */
public final class RecordingReporter implements MetricReporter {

    private final List<Recording> recordings = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String id() {
        return "record";
    }

    @Override
    public String description() {
        return "keeps records in memory for tests";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        Recording r = new Recording(run);
        recordings.add(r);
        return r;
    }

    /** @return the recording of the most recent run */
    public Recording last() {
        return recordings.get(recordings.size() - 1);
    }

    /** Records of one run: blocks and requests in stream order (each stream interleaving kept in {@link #order}). */
    public static final class Recording implements ReportSession {
        /** the run */
        public final RunInfo info;
        /** blocks in stream order */
        public final List<BlockRecord> blocks = new ArrayList<>();
        /** requests in stream order */
        public final List<RequestRecord> requests = new ArrayList<>();
        /** scheduler swaps in stream order */
        public final List<SchedulerSwap> swaps = new ArrayList<>();
        /** every record in stream order */
        public final List<Record> order = new ArrayList<>();
        /** the result given to finish, or null */
        public RunResult result;

        Recording(RunInfo info) {
            this.info = info;
        }

        @Override
        public void onBlock(BlockRecord block) {
            blocks.add(block);
            order.add(block);
        }

        @Override
        public void onRequest(RequestRecord request) {
            requests.add(request);
            order.add(request);
        }

        @Override
        public void onSwap(SchedulerSwap swap) {
            swaps.add(swap);
            order.add(swap);
        }

        @Override
        public Map<String, Double> finish(RunResult r) {
            result = r;
            return Map.of("test.records", (double) order.size());
        }

        /** @return the requests of task {@code task}, stream order */
        public List<RequestRecord> requests(String task) {
            return requests.stream().filter(q -> q.task().equals(task)).toList();
        }
    }
}
