package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.engine.OutputFolder;

/**
 * Issue 17 through the command line: {@code --out} never deletes what the lab did not write, a failing or hanging
 * run never sinks a comparison, and {@code --csv} is checked before anything runs. Each test reproduces a problem
 * listed at the top of the issue.
 */
class CliReliabilityTest {

    private static final String SC = "xrbench/VR_gaming";
    private static final String PL = "xrbench/Single_4K__WS";

    @AfterAll
    static void releaseSpinners() {
        SpinningPolicy.release = true;
    }

    static Path pluginJar(Path dir, Class<?> policy) throws IOException {
        Path jar = dir.resolve(policy.getSimpleName() + ".jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("META-INF/services/org.rtmmlab.api.scheduler.SchedulerPolicy"));
            j.write((policy.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry(policy.getName().replace('.', '/') + ".class"));
            try (InputStream in = policy.getResourceAsStream(policy.getSimpleName() + ".class")) {
                j.write(in.readAllBytes());
            }
        }
        return jar;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runOutIntoAUsersFolderWithAConfigJsonDeletesNothing(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("p");
        Files.createDirectories(p.resolve("src"));
        Files.writeString(p.resolve("config.json"), "{}");
        Files.writeString(p.resolve("important.txt"), "x");
        CliRunTest.Outcome o = rtmm("run", "--scenario", SC, "--platform", PL, "--scheduler", "edf", "--progress",
                "none", "--duration", "100ms", "--out", p.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("error: " + p + ": is not empty and was not written by RTMM Lab (no valid .rtmm-run marker): "
                + "refusing to replace it; choose another folder or empty it", o.err().strip());
        assertEquals(List.of("config.json", "important.txt", "src"), names(p));
        assertEquals(List.of("p"), names(dir));
    }

    @Test
    void outRootAndCurrentDirectoryAreOneLineErrors() {
        for (String bad : List.of("/", ".")) {
            CliRunTest.Outcome o = rtmm("run", "--scenario", SC, "--platform", PL, "--scheduler", "edf",
                    "--progress", "none", "--duration", "100ms", "--out", bad);
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            CliRunTest.Outcome c = rtmm("compare", "--scenarios", SC, "--platforms", PL, "--schedulers", "edf",
                    "--progress", "none", "--duration", "100ms", "--out", bad);
            assertEquals(2, c.code(), c.err());
            assertTrue(c.err().startsWith("error: --out " + bad + ": is the "), c.err());
        }
    }

    @Test
    void oneFailingAndOneHangingRunDoNotSinkTheComparison(@TempDir Path dir) throws IOException {
        Path throwing = pluginJar(dir, ThrowingPolicy.class);
        Path spinning = pluginJar(dir, SpinningPolicy.class);
        Path out = dir.resolve("cmp");
        CliRunTest.Outcome o = rtmm("compare", "--plugins", throwing + "," + spinning, "--scenarios", SC,
                "--platforms", PL, "--schedulers", "edf,test-throwing,test-spinning,fcfs", "--progress", "none",
                "--duration", "100ms", "--set", "engine.decisionTimeout=500ms", "--jobs", "2", "--out",
                out.toString(), "--csv", dir.resolve("cmp.csv").toString());
        assertEquals(1, o.code(), o.err());
        assertTrue(o.out().contains("2 failed runs (left out of the table and the means):"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("test-throwing") && l.contains(SC) && l.contains(PL)
                && l.contains("FAILED") && l.contains("no idea what to do")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("test-spinning") && l.contains("did not return within "
                + "500 ms (engine.decisionTimeout) at simulated t=10.")), o.out());
        assertTrue(o.err().contains("error: run test-throwing on " + SC + " / " + PL + ", seed 1 failed: scheduler "
                + "policy 'test-throwing': decide() threw"), o.err());
        assertTrue(o.err().contains("error: 2 of 4 runs failed; the other 2 are in " + out), o.err());
        String html = Files.readString(out.resolve("compare.html"));
        assertTrue(html.contains("Failed runs (2)") && html.contains("no idea what to do"), "compare.html marks them");
        assertTrue(Files.isRegularFile(out.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS/edf-seed1/summary.json")));
        assertTrue(Files.isRegularFile(out.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS/fcfs-seed1/summary.json")));
        assertEquals(List.of("edf-seed1", "fcfs-seed1"), names(out.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS")),
                "no .partial folders and no folders of failed runs");
        assertEquals(List.of("cmp", "cmp.csv", "ThrowingPolicy.jar", "SpinningPolicy.jar").stream().sorted().toList(),
                names(dir));
        assertTrue(OutputFolder.hasMarker(out));
        List<String> csv = Files.readAllLines(dir.resolve("cmp.csv"));
        assertEquals(String.join(",", ComparisonTables.CSV_HEADER), csv.get(0));
        assertTrue(csv.stream().skip(1).filter(l -> l.contains(",edf,") || l.contains(",fcfs,"))
                .allMatch(l -> l.endsWith(",ok,")), "a finished run's rows say ok: " + csv);
        List<String> failed = csv.stream().filter(l -> l.contains(",failed,")).toList();
        assertEquals(2, failed.size(), "one row per failed run in the CSV too: " + csv);
        assertTrue(failed.get(0).startsWith(SC + "," + PL + ",test-throwing,1,,,,,failed,")
                && failed.get(0).contains("no idea what to do"), failed.get(0));
        assertTrue(failed.get(1).startsWith(SC + "," + PL + ",test-spinning,1,,,,,failed,")
                && failed.get(1).contains("engine.decisionTimeout"), failed.get(1));
        CliRunTest.Outcome j = rtmm("compare", "--plugins", throwing.toString(), "--scenarios", SC, "--platforms", PL,
                "--schedulers", "edf,test-throwing", "--progress", "none", "--duration", "100ms", "--json", "--out",
                out.toString());
        assertEquals(1, j.code(), j.err());
        var docs = com.google.gson.JsonParser.parseString(j.out()).getAsJsonArray();
        assertEquals(2, docs.size(), j.out());
        assertEquals("failed", docs.get(1).getAsJsonObject().get("status").getAsString());
        assertTrue(docs.get(1).getAsJsonObject().get("reason").getAsString().contains("no idea what to do"));
        assertEquals(List.of("edf-seed1"), names(out.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS")),
                "the comparison is replaced as one unit: no run of the earlier one is left beside the new ones");
    }

    @Test
    void aBadCsvTargetFailsBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cmp");
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", SC, "--platforms", PL, "--schedulers", "edf",
                "--progress", "none", "--duration", "100ms", "--out", out.toString(), "--csv", dir.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("error: --csv " + dir + ": is a folder; give a file name, e.g. results/compare.csv",
                o.err().strip());
        assertFalse(Files.exists(out), "nothing ran");
        Path inside = out.resolve("table.csv");
        CliRunTest.Outcome ok = rtmm("compare", "--scenarios", SC, "--platforms", PL, "--schedulers", "edf",
                "--progress", "none", "--duration", "100ms", "--out", out.toString(), "--csv", inside.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.readString(inside).startsWith("scenario,"), "a CSV inside --out is published with the rest");
    }

    @Test
    void aCsvUnderAFileFailsBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cmp");
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep");
        Path underAFile = file.resolve("cmp.csv");
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", SC, "--platforms", PL, "--schedulers", "edf",
                "--progress", "none", "--duration", "100ms", "--out", out.toString(), "--csv", underAFile.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().startsWith("error: --csv " + underAFile + ": its folder " + file + " is a file"), o.err());
        assertFalse(Files.exists(out), "nothing ran");
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void aCsvInAReadOnlyFolderFailsBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cmp");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere: this half only holds where the folder really is read-only
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "running as root");
            CliRunTest.Outcome r = rtmm("compare", "--scenarios", SC, "--platforms", PL, "--schedulers", "edf",
                    "--progress", "none", "--duration", "100ms", "--out", out.toString(), "--csv",
                    locked.resolve("cmp.csv").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("error: --csv " + locked.resolve("cmp.csv") + ": its folder " + locked + " is not writable",
                    r.err().strip());
            assertFalse(Files.exists(out), "nothing ran");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aComparisonIntoAUsersFolderIsRefusedBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        CliRunTest.Outcome o = rtmm("compare", "--scenarios", SC, "--platforms", PL, "--schedulers", "edf",
                "--progress", "none", "--duration", "100ms", "--out", mine.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: --out " + mine + ": is not empty and was not written by RTMM Lab"),
                o.err());
        assertEquals(List.of("notes.txt"), names(mine));
        assertEquals(List.of("mine"), names(dir));
    }
}
