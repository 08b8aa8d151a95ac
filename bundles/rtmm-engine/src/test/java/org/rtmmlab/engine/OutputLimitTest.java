package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rtmmlab.engine.support.Lab.MS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.support.Lab;

/** Issue 17, item 3: a run whose files would exceed {@code engine.maxOutputBytes} is refused before it starts. */
class OutputLimitTest {

    private final Lab lab = new Lab();
    private final long[] asked = new long[2];
    private boolean opened;

    /** A reporter that estimates 100 bytes per request and 10 per block, and records what it was asked. */
    private final class Sizing implements MetricReporter {
        @Override
        public String id() {
            return "sizing";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public ReportSession open(RunInfo run, Path outputDir) {
            opened = true;
            return result -> Map.of();
        }

        @Override
        public long estimatedBytes(RunInfo run, long requests, long blocks) {
            asked[0] = requests;
            asked[1] = blocks;
            return 100 * requests + 10 * blocks;
        }
    }

    @BeforeEach
    void setUp() {
        lab.single();
        // a 3-layer model every 10 ms and a 1-layer one every 20 ms over 100 ms: 11 + 6 requests, 33 + 6 blocks
        lab.scenario("s", List.of(Lab.model("m3", 1, 1, 1), Lab.model("m1", 1)),
                List.of(Task.periodic("a", "m3", 10 * MS), Task.periodic("b", "m1", 20 * MS)), List.of(), 100 * MS);
        lab.add(PluginKind.REPORTER, new Sizing());
    }

    private static RunConfig config(Map<String, String> props) {
        return new RunConfig("s", "one", "fifo", 1, 0, false, props, List.of("record", "sizing"));
    }

    @Test
    void filesOverTheLimitAreRefusedBeforeTheRunNamingTheReporterAndTheProperty(@TempDir Path root) {
        Path out = root.resolve("run");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                config(Map.of(RunLimits.MAX_OUTPUT_BYTES, "1KB")), out, null));
        assertEquals(17, asked[0]);
        assertEquals(39, asked[1]);
        assertEquals("scenario s: the run's files would take reporter sizing about 2 KiB (up to 17 requests and 39 "
                + "blocks in 100 ms), over the limit of 1000 B (engine.maxOutputBytes); shorten the duration, drop the "
                + "reporter (--report) or raise engine.maxOutputBytes", e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(opened, "no reporter was opened");
        assertThrows(InvalidInputException.class, () -> lab.evaluator.checkLimits(
                config(Map.of(RunLimits.MAX_OUTPUT_BYTES, "1KB")), true), "the same check without a run");
    }

    @Test
    void underTheLimitOffOrWithoutFilesTheRunGoesOn(@TempDir Path root) {
        lab.evaluator.run(config(Map.of(RunLimits.MAX_OUTPUT_BYTES, "2090")), root.resolve("a"), null);
        lab.evaluator.run(config(Map.of(RunLimits.MAX_OUTPUT_BYTES, "off")), root.resolve("b"), null);
        lab.evaluator.run(config(Map.of(RunLimits.MAX_OUTPUT_BYTES, "1")), null, null); // no files: nothing to limit
        lab.evaluator.checkLimits(config(Map.of(RunLimits.MAX_OUTPUT_BYTES, "1")), false);
        assertEquals(2, countRuns(root));
    }

    private static long countRuns(Path root) {
        return java.util.stream.Stream.of("a", "b").filter(n -> Files.isRegularFile(root.resolve(n)
                .resolve("config.json"))).count();
    }

    @Test
    void theLimitIsReadInBytesWithUnits() {
        assertEquals(RunLimits.DEFAULT_MAX_OUTPUT_BYTES, RunLimits.parse(Map.of()).maxOutputBytes());
        assertEquals(2L << 30, RunLimits.parse(Map.of(RunLimits.MAX_OUTPUT_BYTES, "2GiB")).maxOutputBytes());
        assertEquals(500_000_000L, RunLimits.parse(Map.of(RunLimits.MAX_OUTPUT_BYTES, "500 MB")).maxOutputBytes());
        assertEquals(4096, RunLimits.parse(Map.of(RunLimits.MAX_OUTPUT_BYTES, " 4KiB ")).maxOutputBytes());
        assertEquals(0, RunLimits.parse(Map.of(RunLimits.MAX_OUTPUT_BYTES, "off")).maxOutputBytes());
        for (String bad : List.of("0", "-1", "1.5GB", "2 GiBs", "99999999999TiB", "NaN", "")) {
            assertEquals("run properties: engine.maxOutputBytes: expected a whole number of bytes >= 1 with an optional"
                    + " unit (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB) or off, got '" + bad + "'",
                    assertThrows(InvalidInputException.class, () -> RunLimits.parse(Map.of(RunLimits.MAX_OUTPUT_BYTES,
                            bad))).getMessage(), bad);
        }
        assertEquals("1023 B", RunLimits.bytes(1023));
        assertEquals("2.5 GiB", RunLimits.bytes(5L << 29));
    }
}
