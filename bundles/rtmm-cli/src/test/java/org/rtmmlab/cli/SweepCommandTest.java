package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtmm sweep} end to end: points as {@code rtmm run} makes them, resume, and one-line input errors. */
class SweepCommandTest {

    static final String SPEC = """
            {"version": 1, "name": "cli",
             "schedulers": ["fcfs", {"id": "edf", "label": "edf-nodrop", "properties": {"engine.dropRule": "none"}}],
             "scenarios": ["xrbench/VR_gaming"],
             "platforms": ["xrbench/Dual_4K__WS_OS"],
             "seeds": [1, 2], "durationMs": [40]}""";

    @Test
    void eachPointIsWhatRunWritesAndASecondSweepRunsNothing(@TempDir Path tmp) throws IOException {
        Path spec = Files.writeString(tmp.resolve("s.json"), SPEC);
        Path out = tmp.resolve("out");
        CliRunTest.Outcome o = CliRunTest.rtmm("sweep", "--spec", spec.toString(), "--out", out.toString(),
                "--jobs", "2", "--progress", "lines");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("4 points: 4 ran now, 0 already done, 0 failed"), o.out());
        assertTrue(o.out().contains("edf-nodrop"), o.out());
        assertTrue(o.err().contains("4/4 runs, 100%, 0 failed, "), o.err());
        List<Path> points;
        try (Stream<Path> s = Files.list(out.resolve("points"))) {
            points = s.sorted().toList();
        }
        assertEquals(4, points.size());
        int matched = 0;
        for (long seed : new long[] {1, 2}) {
            Path alone = tmp.resolve("alone-" + seed);
            CliRunTest.Outcome r = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform",
                    "xrbench/Dual_4K__WS_OS", "--scheduler", "edf", "--set", "engine.dropRule=none", "--seed",
                    Long.toString(seed), "--duration", "40ms", "--report", "json", "--progress", "none", "--out",
                    alone.toString());
            assertEquals(0, r.code(), r.err());
            byte[] summary = Files.readAllBytes(alone.resolve("summary.json"));
            for (Path p : points) {
                if (java.util.Arrays.equals(summary, Files.readAllBytes(p.resolve("summary.json")))) {
                    assertArrayEquals(Files.readAllBytes(alone.resolve("config.json")),
                            Files.readAllBytes(p.resolve("config.json")));
                    matched++;
                }
            }
        }
        assertEquals(2, matched, "each rtmm run equals exactly one point of the sweep");
        assertTrue(Files.isRegularFile(out.resolve("sweep.csv")) && Files.isRegularFile(out.resolve("summary.json"))
                && Files.isRegularFile(out.resolve("compare.html")));

        CliRunTest.Outcome again = CliRunTest.rtmm("sweep", "--spec", spec.toString(), "--out", out.toString(),
                "--progress", "none");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("4 points: 0 ran now, 4 already done, 0 failed"), again.out());
    }

    @Test
    void badInputIsOneLine(@TempDir Path tmp) throws IOException {
        Path spec = Files.writeString(tmp.resolve("s.json"), SPEC.replace("\"fcfs\"", "\"nope\""));
        CliRunTest.Outcome o = CliRunTest.rtmm("sweep", "--spec", spec.toString(), "--out", tmp.resolve("o")
                .toString(), "--progress", "none");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: s.json: $.schedulers[0]: "), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        CliRunTest.Outcome jobs = CliRunTest.rtmm("sweep", "--spec", spec.toString(), "--jobs", "0");
        assertEquals("error: --jobs: must be >= 1 (0 only with --cluster or --cluster-name), got 0", jobs.err().strip());
        CliRunTest.Outcome serve = CliRunTest.rtmm("sweep", "--serve");
        assertTrue(serve.err().startsWith("error: --serve: needs --cluster FILE or --cluster-name NAME"), serve.err());
    }
}
