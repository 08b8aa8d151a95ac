package org.rtmmlab.cli;

import java.io.IOException;
import java.nio.file.Files;
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
 * A third-party reporter defined only on the test classpath (registered in the test resources'
 * META-INF/services): counts the records of a run into {@code echo.txt} and lists the runs of a comparison in
 * {@code echo-compare.txt}. It knows nothing of the CLI: the CLI must find it by id like any bundled reporter.
 */
public class EchoReporter implements MetricReporter {

    /** Creates the reporter (ServiceLoader needs a public no-argument constructor). */
    public EchoReporter() {
    }

    @Override
    public String id() {
        return "test-echo";
    }

    @Override
    public String description() {
        return "test: counts records";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        long[] n = new long[2];
        return new ReportSession() {
            @Override
            public void onBlock(BlockRecord block) {
                n[0]++;
            }

            @Override
            public void onRequest(RequestRecord request) {
                n[1]++;
            }

            @Override
            public Map<String, Double> finish(RunResult result) throws IOException {
                Files.writeString(outputDir.resolve("echo.txt"), "blocks " + n[0] + "\nrequests " + n[1] + "\n");
                return Map.of("test.echo.requests", (double) n[1]);
            }
        };
    }

    @Override
    public void writeComparison(List<RunResult> runs, String baseline, Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("baseline " + baseline + "\n");
        for (RunResult r : runs) {
            sb.append(r.config().scenario()).append(' ').append(r.config().platform()).append(' ')
                    .append(r.config().scheduler()).append('\n');
        }
        Files.writeString(dir.resolve("echo-compare.txt"), sb.toString());
    }
}
