package org.rtmmlab.testkit;

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

/**
 * Reporter {@code testkit-record}: keeps the whole record stream of each run it reports in memory, for the
 * contract's checks. Each {@link #open} gets its own {@link Recording}; safe for concurrent runs.
 */
public final class RunRecorder implements MetricReporter {

    /** Id of this reporter. */
    public static final String ID = "testkit-record";

    private final List<Recording> recordings = Collections.synchronizedList(new ArrayList<>());

    /** Creates a recorder with no recordings. */
    public RunRecorder() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "testkit: keeps every record of a run in memory";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        Recording r = new Recording(run);
        recordings.add(r);
        return r;
    }

    /** @return the recording of the most recent run @throws IllegalStateException if there is none */
    public Recording last() {
        synchronized (recordings) {
            if (recordings.isEmpty()) {
                throw new IllegalStateException("no run recorded yet");
            }
            return recordings.get(recordings.size() - 1);
        }
    }

    /** Forgets every recording (they can be large). */
    public void clear() {
        recordings.clear();
    }

    /** The records of one run: blocks, requests, and both interleaved in stream order. */
    public static final class Recording implements ReportSession {
        private final RunInfo info;
        private final List<BlockRecord> blocks = new ArrayList<>();
        private final List<RequestRecord> requests = new ArrayList<>();
        private final List<Record> stream = new ArrayList<>();
        private RunResult result;

        /** @param info the run being recorded */
        public Recording(RunInfo info) {
            this.info = info;
        }

        @Override
        public void onBlock(BlockRecord block) {
            blocks.add(block);
            stream.add(block);
        }

        @Override
        public void onRequest(RequestRecord request) {
            requests.add(request);
            stream.add(request);
        }

        @Override
        public Map<String, Double> finish(RunResult r) {
            result = r;
            return Map.of();
        }

        /** @return the run (resolved configuration, scenario, platform) */
        public RunInfo info() {
            return info;
        }

        /** @return block records in stream order */
        public List<BlockRecord> blocks() {
            return blocks;
        }

        /** @return request records in stream order */
        public List<RequestRecord> requests() {
            return requests;
        }

        /** @return every record in stream order */
        public List<Record> stream() {
            return stream;
        }

        /** @return the result handed to {@link #finish}, or null while running */
        public RunResult result() {
            return result;
        }
    }
}
