package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;

/**
 * {@link TraceReporter#estimatedBytes}, which the engine's output limit ({@code engine.maxOutputBytes}) asks before a
 * run: compared with the files a real run writes, scaled by the window, bounded by the size cap.
 */
class TraceEstimateTest {

    private static final long TWO_S = 2_000_000_000L;

    private static long lines(Path file) throws IOException {
        try (var l = Files.lines(file)) {
            return l.count() - 1;
        }
    }

    private static RunInfo info(Map<String, String> properties) {
        RunConfig c = new RunConfig("xrbench/VR_gaming", "xrbench/Dual_4K__WS_OS", "edf", 7, TWO_S, false,
                properties, List.of("trace"));
        return new RunInfo(c, null, null, "test");
    }

    @Test
    void theEstimateOfBothFormatsIsBetweenOnceAndThreeTimesWhatARunWrites(@TempDir Path dir) throws IOException {
        Map<String, String> props = Map.of("blockLayers", "1", TraceOptions.FORMAT, "both");
        SimRuns.run(new SimRuns.Probe(), "xrbench/VR_gaming", "xrbench/Dual_4K__WS_OS", "edf", TWO_S, props,
                List.of("trace", "csv"), dir);
        long requests = lines(dir.resolve("requests.csv"));
        long blocks = lines(dir.resolve("blocks.csv"));
        long written = Files.size(dir.resolve(TraceReporter.PERFETTO_FILE)) + Files.size(dir.resolve(TraceReporter.FILE));
        long perfettoOnly = new TraceReporter().estimatedBytes(info(Map.of()), requests, blocks);
        long both = new TraceReporter().estimatedBytes(info(props), requests, blocks);
        double ratio = (double) both / written;
        assertTrue(ratio >= 1 && ratio <= 3, "estimate " + both + " vs written " + written + " (" + requests
                + " requests, " + blocks + " blocks): ratio " + ratio);
        double perfettoRatio = (double) perfettoOnly / Files.size(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertTrue(perfettoRatio >= 1 && perfettoRatio <= 3, "perfetto ratio " + perfettoRatio);
    }

    @Test
    void aWindowScalesTheEstimateAndTheCapBoundsEachFile() {
        TraceReporter r = new TraceReporter();
        long whole = r.estimatedBytes(info(Map.of()), 1_000_000, 10_000_000);
        long tenth = r.estimatedBytes(info(Map.of(TraceOptions.WINDOW, "0.5s..0.7s")), 1_000_000, 10_000_000);
        long variable = whole - TraceReporter.FILE_BYTES;
        assertEquals(variable / 10.0, tenth - TraceReporter.FILE_BYTES, variable * 1e-9, "a tenth of the run");
        assertEquals(TraceReporter.FILE_BYTES,
                r.estimatedBytes(info(Map.of(TraceOptions.WINDOW, "5s..6s")), 1_000_000, 10_000_000),
                "a window after the run's end writes only the file's frame");
        assertEquals(2L * 1_000_000, r.estimatedBytes(info(Map.of(TraceOptions.MAX_BYTES, "1000000",
                TraceOptions.FORMAT, "both")), 1_000_000, 10_000_000), "each file at most the cap");
        assertEquals(Long.MAX_VALUE, r.estimatedBytes(info(Map.of(TraceOptions.FORMAT, "both")), Long.MAX_VALUE,
                Long.MAX_VALUE), "saturates instead of overflowing");
    }
}
