package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 3: outputs that would exceed a size limit are refused up front ({@code engine.maxOutputBytes}), by
 * {@code run} and by {@code compare} before its first run, and the csv reporter's estimate is close to what it writes.
 */
class CliOutputLimitTest {

    private static final String[] RUN = {"xrbench/AR_gaming", "xrbench/Dual_4K__WS_OS", "--progress", "none",
        "--duration", "2s", "--report", "json,csv"};

    private static String[] args(String command, String scheduler, Path out, String... more) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(command));
        String plural = command.equals("run") ? "" : "s";
        a.addAll(java.util.List.of("--scenario" + plural, RUN[0], "--platform" + plural, RUN[1]));
        a.addAll(java.util.List.of(RUN).subList(2, RUN.length));
        a.addAll(java.util.List.of("--scheduler" + plural, scheduler, "--out", out.toString()));
        a.addAll(java.util.List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aRunWhoseFilesWouldNotFitIsRefusedBeforeItStartsNamingTheReporter(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("ok");
        CliRunTest.Outcome o = rtmm(args("run", "herald", ok));
        assertEquals(0, o.code(), o.err());
        long written = Files.size(ok.resolve("requests.csv")) + Files.size(ok.resolve("blocks.csv"));

        Path refused = dir.resolve("refused");
        CliRunTest.Outcome r = rtmm(args("run", "herald", refused, "--set", "engine.maxOutputBytes=" + written / 2));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Matcher m = Pattern.compile("^error: scenario (?:xrbench/)?AR_gaming: the run's files would take reporter "
                + "csv about "
                + "([0-9.]+) (MiB|KiB) \\(up to \\d+ requests and \\d+ blocks in 2 s\\), over the limit of .* "
                + "\\(engine.maxOutputBytes\\); shorten the duration, drop the reporter \\(--report\\) or raise "
                + "engine.maxOutputBytes$").matcher(r.err().strip());
        assertTrue(m.matches(), r.err());
        double estimate = Double.parseDouble(m.group(1)) * (m.group(2).equals("MiB") ? 1 << 20 : 1 << 10);
        // herald runs every layer as a block of its own: the estimate's block bound is what it executes
        assertTrue(estimate >= written && estimate <= 2.5 * written, "estimate " + estimate + " vs " + written);
        assertFalse(Files.exists(refused), "nothing written");

        CliRunTest.Outcome raised = rtmm(args("run", "herald", refused, "--set", "engine.maxOutputBytes=off"));
        assertEquals(0, raised.code(), raised.err());

        // csv as the only (first) reporter: run follows its records through a progress tap, which must pass the
        // estimate on (before the fix it did not, and an hour of this run wrote 3 GB past a 1 MB limit)
        CliRunTest.Outcome tapped = rtmm("run", "--scenario", RUN[0], "--platform", RUN[1], "--scheduler", "herald",
                "--duration", "2s", "--progress", "none", "--report", "csv", "--out", dir.resolve("tapped").toString(),
                "--set", "engine.maxOutputBytes=" + written / 2);
        assertEquals(2, tapped.code(), tapped.err());
        assertTrue(tapped.err().contains("reporter csv about "), tapped.err());
        assertFalse(Files.exists(dir.resolve("tapped")), "nothing written");
    }

    @Test
    void aComparisonIsRefusedBeforeItsFirstRun(@TempDir Path dir) {
        Path out = dir.resolve("cmp");
        CliRunTest.Outcome c = rtmm(args("compare", "edf,herald", out, "--set", "engine.maxOutputBytes=100KB"));
        assertEquals(2, c.code(), c.err());
        assertEquals(1, c.err().strip().lines().count(), c.err());
        assertTrue(c.err().matches("(?s)error: scenario (xrbench/)?AR_gaming: the run's files would take reporter "
                + "csv about .*"), c.err());
        assertFalse(Files.exists(out), "no run started");
        assertEquals("", c.out());
    }
}
