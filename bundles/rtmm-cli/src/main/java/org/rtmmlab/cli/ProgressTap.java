package org.rtmmlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;

/**
 * Wraps one selected reporter to follow a single run's progress from its record stream: records arrive in
 * simulation order, so the latest record time over the run's horizon is how far the run got. Everything else is
 * passed through unchanged; the files and figures are the wrapped reporter's.
 */
final class ProgressTap implements MetricReporter {

    private final MetricReporter delegate;
    private final Progress progress;

    ProgressTap(MetricReporter delegate, Progress progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public void writeComparison(List<RunResult> runs, String baseline, Path dir) throws IOException {
        delegate.writeComparison(runs, baseline, dir);
    }

    /** The reporter's own estimate: the tap writes nothing (without this, a tapped reporter escaped the limit). */
    @Override
    public long estimatedBytes(RunInfo run, long requests, long blocks) {
        return delegate.estimatedBytes(run, requests, blocks);
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) throws IOException {
        ReportSession s = delegate.open(run, outputDir);
        if (s == null) {
            return null;
        }
        long horizonMs = Math.max(1, run.config().durationNs() / 1_000_000);
        progress.total(horizonMs);
        return new ReportSession() {
            private long shownMs = -1;

            private void at(long ns) {
                long ms = ns / 1_000_000;
                if (ms > shownMs) {
                    shownMs = ms;
                    progress.stepTo(Math.min(ms, horizonMs));
                }
            }

            @Override
            public void onBlock(BlockRecord block) throws IOException {
                at(block.endNs());
                s.onBlock(block);
            }

            @Override
            public void onRequest(RequestRecord request) throws IOException {
                at(Math.max(request.arrivalNs(), request.finishNs()));
                s.onRequest(request);
            }

            @Override
            public Map<String, Double> finish(RunResult result) throws IOException {
                progress.stepTo(horizonMs);
                return s.finish(result);
            }

            @Override
            public void abort() {
                s.abort();
            }
        };
    }
}
