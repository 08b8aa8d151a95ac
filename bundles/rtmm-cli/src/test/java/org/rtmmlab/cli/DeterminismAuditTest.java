package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 6 (command-line part): the same runs through {@code run}, {@code compare --jobs 1} and
 * {@code compare --jobs 3} give byte-identical files, now that runs go through the watchdog's thread and a
 * comparison is published as one unit.
 */
class DeterminismAuditTest {

    private static final String CELL = "xrbench_AR_gaming/xrbench_Dual_4K__WS_OS/";
    private static final List<String> SCHEDULERS = List.of("edf", "fcfs", "herald");

    @Test
    void runAndCompareWithAnyJobsGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
        for (String sched : SCHEDULERS) {
            CliRunTest.Outcome o = rtmm("run", "--scenario", "xrbench/AR_gaming", "--platform",
                    "xrbench/Dual_4K__WS_OS", "--scheduler", sched, "--seed", "5", "--duration", "300ms",
                    "--progress", "none", "--report", "json,csv", "--out", dir.resolve("run-" + sched).toString());
            assertEquals(0, o.code(), o.err());
        }
        for (String jobs : List.of("1", "3")) {
            CliRunTest.Outcome o = rtmm("compare", "--scenarios", "xrbench/AR_gaming", "--platforms",
                    "xrbench/Dual_4K__WS_OS", "--schedulers", String.join(",", SCHEDULERS), "--seed", "5",
                    "--duration", "300ms", "--progress", "none", "--report", "json,csv", "--jobs", jobs, "--out",
                    dir.resolve("cmp" + jobs).toString());
            assertEquals(0, o.code(), o.err());
        }
        for (String sched : SCHEDULERS) {
            for (String file : List.of(".rtmm-run", "summary.json", "requests.csv", "blocks.csv", "config.json")) {
                byte[] single = Files.readAllBytes(dir.resolve("run-" + sched).resolve(file));
                assertArrayEquals(single, Files.readAllBytes(dir.resolve("cmp1/" + CELL + sched + "-seed5/" + file)),
                        sched + " " + file + ": run vs compare --jobs 1");
                assertArrayEquals(single, Files.readAllBytes(dir.resolve("cmp3/" + CELL + sched + "-seed5/" + file)),
                        sched + " " + file + ": run vs compare --jobs 3");
            }
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("cmp1/.rtmm-run")),
                Files.readAllBytes(dir.resolve("cmp3/.rtmm-run")), "the comparison's id does not depend on --jobs");
    }
}
