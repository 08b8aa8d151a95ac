package org.rtmmlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunInfo;

/**
 * A reporter that is registered only inside a plugin jar the test builds (no META-INF/services entry on the test
 * classpath): reachable by id only through {@code --plugins}. Writes {@code jarred.txt}.
 */
public class JarredReporter implements MetricReporter {

    /** Creates the reporter. */
    public JarredReporter() {
    }

    @Override
    public String id() {
        return "test-jarred";
    }

    @Override
    public String description() {
        return "test: registered in a plugin jar";
    }

    @Override
    public ReportSession open(RunInfo run, Path outputDir) {
        return result -> {
            Files.writeString(outputDir.resolve("jarred.txt"), result.config().scheduler() + "\n");
            return Map.of();
        };
    }
}
