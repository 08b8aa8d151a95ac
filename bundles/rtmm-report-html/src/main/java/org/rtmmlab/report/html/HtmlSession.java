package org.rtmmlab.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * One run's report: digests the records as they come ({@link RunDigest}), keeps the scheduler swaps (few), writes
 * the page when the run ends.
 */
final class HtmlSession implements ReportSession {

    private final RunDigest digest;
    private final Path file;
    private final List<SchedulerSwap> swaps = new ArrayList<>();
    private boolean finished;

    HtmlSession(RunInfo run, Path file) {
        this.digest = new RunDigest(run);
        this.file = file;
    }

    @Override
    public void onBlock(BlockRecord block) {
        checkOpen();
        digest.block(block);
    }

    @Override
    public void onRequest(RequestRecord request) {
        checkOpen();
        digest.request(request);
    }

    @Override
    public void onSwap(SchedulerSwap swap) {
        checkOpen();
        swaps.add(swap);
    }

    @Override
    public Map<String, Double> finish(RunResult result) throws IOException {
        if (finished) {
            return Map.of();
        }
        finished = true;
        Files.writeString(file, RunPage.render(digest, result, swaps), StandardCharsets.UTF_8);
        return Map.of();
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("HTML report already finished");
        }
    }
}
