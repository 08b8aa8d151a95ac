package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** A failed run leaves earlier results intact; a successful one replaces an earlier run's directory whole
 * and refuses a folder the lab did not write. */
class RunDirectoryTest {

    private final Lab lab = new Lab();

    @BeforeEach
    void setUp() {
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 10 * MS)), List.of(), 30 * MS);
        lab.policy(Policies.of("throws-at-10ms", (v, d) -> {
            if (v.now() >= 10 * MS) {
                throw new IllegalStateException("boom");
            }
            Policies.fifoDecide(v, d);
        }));
    }

    private RunConfig config(String policy) {
        return new RunConfig("s", "one", policy, 1, 0, false, Map.of(), List.of("record", "csvlike"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunThatFailsMidwayLeavesTheEarlierRunsFilesUntouched(@TempDir Path root) throws IOException {
        lab.add(org.rtmmlab.engine.catalog.PluginKind.REPORTER, new FileReporter("csvlike"));
        Path out = root.resolve("run");
        lab.evaluator.run(config("fifo"), out, null);
        String before = Files.readString(out.resolve("config.json"));
        String rows = Files.readString(out.resolve("csvlike.txt"));
        assertThrows(SchedulingException.class, () -> lab.evaluator.run(config("throws-at-10ms"), out, null));
        assertEquals(before, Files.readString(out.resolve("config.json")), "config.json of the earlier run");
        assertEquals(rows, Files.readString(out.resolve("csvlike.txt")), "not truncated by the failed run");
        assertEquals(List.of("run"), names(root), "no staging directory left behind");
        assertTrue(((FileReporter) lab.catalog.reporter("csvlike")).aborted, "the failed session was aborted");
    }

    @Test
    void aSuccessfulRunReplacesAnEarlierRunDirectoryButKeepsAUsersOtherFiles(@TempDir Path root)
            throws IOException {
        lab.add(org.rtmmlab.engine.catalog.PluginKind.REPORTER, new FileReporter("csvlike"));
        Path out = root.resolve("run");
        lab.evaluator.run(config("fifo"), out, null);
        Files.writeString(out.resolve("stale-trace.json"), "from an earlier run");
        lab.evaluator.run(config("fifo"), out, null);
        assertEquals(List.of(OutputFolder.MARKER, "config.json", "csvlike.txt"), names(out),
                "an earlier run's leftovers are gone");
        Path mine = Files.createDirectories(root.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertThrows(org.rtmmlab.api.InvalidInputException.class, () -> lab.evaluator.run(config("fifo"), mine, null));
        assertEquals(List.of("notes.txt"), names(mine), "a folder the lab did not write is never touched (issue 17)");
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"scheduler\": \"fifo test 0\""), config);
        assertTrue(config.contains("\"schedulerDefaults\": {") && config.contains("\"a\": \"unused test property\""),
                config);
        assertFalse(Files.exists(root.resolve(".run.partial")));
    }

    /** Writes one line per request into {@code <id>.txt} while the run goes. */
    static final class FileReporter implements org.rtmmlab.api.run.MetricReporter {
        private final String id;
        volatile boolean aborted;

        FileReporter(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return "test reporter writing " + id + ".txt";
        }

        @Override
        public org.rtmmlab.api.run.ReportSession open(org.rtmmlab.api.run.RunInfo run, Path dir) throws IOException {
            java.io.BufferedWriter w = Files.newBufferedWriter(dir.resolve(id + ".txt"));
            return new org.rtmmlab.api.run.ReportSession() {
                @Override
                public void onRequest(org.rtmmlab.api.run.RequestRecord r) throws IOException {
                    w.write(r.task() + " " + r.frame() + " " + r.outcome() + "\n");
                }

                @Override
                public Map<String, Double> finish(org.rtmmlab.api.run.RunResult result) throws IOException {
                    w.close();
                    return Map.of();
                }

                @Override
                public void abort() {
                    aborted = true;
                    try {
                        w.close();
                    } catch (IOException e) {
                        // discarded
                    }
                }
            };
        }
    }
}
