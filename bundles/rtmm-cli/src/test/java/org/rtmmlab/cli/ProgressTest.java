package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress lines (the non-terminal display) and the figures of the comparison tables. */
class ProgressTest {

    @Test
    void linesShowCountsAndPercent() {
        assertEquals("12/63 runs, 19%", Progress.line(Progress.Unit.RUNS, 12, 63));
        assertEquals("120.0/600.0 s simulated, 20%", Progress.line(Progress.Unit.SIMULATED_MS, 120_000, 600_000));
        assertEquals("0/0 runs, 0%", Progress.line(Progress.Unit.RUNS, 0, 0));
    }

    @Test
    void linesAreThrottledButTheLastIsAlwaysPrinted() {
        StringWriter sw = new StringWriter();
        try (Progress p = new Progress.Lines(Progress.Unit.RUNS, 10, new PrintWriter(sw, true), Long.MAX_VALUE)) {
            for (int i = 1; i <= 9; i++) {
                p.stepTo(i);
            }
            p.stepTo(5); // never backwards
        }
        assertEquals(List.of("1/10 runs, 10%", "9/10 runs, 90%"), sw.toString().lines().toList(),
                "the first step, then only the final state on close");
        StringWriter all = new StringWriter();
        try (Progress p = new Progress.Lines(Progress.Unit.RUNS, 3, new PrintWriter(all, true), 0)) {
            p.stepTo(1);
            p.stepTo(2);
            p.stepTo(3);
        }
        assertEquals(List.of("1/3 runs, 33%", "2/3 runs, 66%", "3/3 runs, 100%"), all.toString().lines().toList());
    }

    /**
     * {@code --progress auto} asks whether standard error (where progress goes) is a terminal, from the target of its
     * {@code /proc/self/fd} link; {@code System.console()}, which tests standard input and output, is only the
     * fallback where there is no such link.
     */
    @Test
    void aTerminalIsRecognisedFromTheDescriptorLink(@TempDir Path dir) throws IOException {
        Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
        Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
        Path file = Files.createSymbolicLink(dir.resolve("file"), dir.resolve("progress.txt"));
        Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
        Path devNull = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
        assertTrue(Progress.isTerminal(pts, false), "2>&1 on a terminal");
        assertTrue(Progress.isTerminal(tty, false));
        assertFalse(Progress.isTerminal(file, true), "2>file is no terminal, whatever System.console() says");
        assertFalse(Progress.isTerminal(pipe, true), "2>&1 | less");
        assertFalse(Progress.isTerminal(devNull, true));
        assertTrue(Progress.isTerminal(dir.resolve("missing"), true), "no /proc: System.console() decides");
        assertFalse(Progress.isTerminal(dir.resolve("missing"), false));
        assertEquals(Path.of("/proc/self/fd/2"), Progress.STDERR_LINK, "standard error, not standard output");
        for (Path link : List.of(pts, tty, file, pipe, devNull)) {
            Files.delete(link); // the links themselves, before @TempDir cleans up (it warns about outside targets)
        }
    }

    /** The bar counts simulated ms for short runs (a 700 ms run used to read "0/0 s") and seconds for long ones. */
    @Test
    void theBarShowsShortRunsInMilliseconds() {
        assertEquals(" ms", Progress.Bar.unitLabel(Progress.Unit.SIMULATED_MS, 700));
        assertEquals(" ms", Progress.Bar.unitLabel(Progress.Unit.SIMULATED_MS, 9_999));
        assertEquals(" s", Progress.Bar.unitLabel(Progress.Unit.SIMULATED_MS, 60_000));
        assertEquals(" runs", Progress.Bar.unitLabel(Progress.Unit.RUNS, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = new Progress.Bar("run", Progress.Unit.SIMULATED_MS, 0, new PrintStream(bytes, true,
                StandardCharsets.UTF_8))) {
            p.total(700); // known once the run starts, as from ProgressTap
            p.stepTo(350);
            p.stepTo(700);
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("700/700 ms"), shown);
        assertFalse(shown.contains("0/0 s"), shown);
        ByteArrayOutputStream longRun = new ByteArrayOutputStream();
        try (Progress p = new Progress.Bar("run", Progress.Unit.SIMULATED_MS, 0, new PrintStream(longRun, true,
                StandardCharsets.UTF_8))) {
            p.total(60_000);
            p.stepTo(60_000);
        }
        assertTrue(longRun.toString(StandardCharsets.UTF_8).contains("60/60 s"), longRun.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream never = new ByteArrayOutputStream();
        new Progress.Bar("run", Progress.Unit.SIMULATED_MS, 0, new PrintStream(never, true, StandardCharsets.UTF_8))
                .close();
        assertEquals("", never.toString(StandardCharsets.UTF_8), "a run that never started shows no bar");
    }

    @Test
    void geometricMeansAndChanges() {
        List<double[]> rows = List.of(new double[] {2, 8}, new double[] {8, Double.NaN}, new double[] {4, 0});
        assertEquals(4, ComparisonTables.geomean(rows, 0), 1e-12);
        assertEquals(0, ComparisonTables.geomean(rows, 1), "a zero makes it zero");
        assertTrue(Double.isNaN(ComparisonTables.geomean(List.of(new double[] {Double.NaN}), 0)));
        assertEquals(-0.5, ComparisonTables.change(1, 2), 1e-12);
        assertEquals(1.5, ComparisonTables.change(1, -2), 1e-12, "relative to |baseline|");
        assertTrue(Double.isNaN(ComparisonTables.change(1, 0)));
        assertEquals(14.0 / 3, ComparisonTables.mean(rows, 0), 1e-12);
        assertEquals(4, ComparisonTables.mean(rows, 1), 1e-12, "NaN left out");
    }

    @Test
    void noChangeAgainstABaselineBelowTheShownResolution() {
        // An XRBench score of 1e-80 prints as 0.000; +1e82 % against it is noise, not a finding.
        assertTrue(Double.isNaN(ComparisonTables.change(5, 1e-80, 0.0005)));
        assertTrue(Double.isNaN(ComparisonTables.change(5, -1e-4, 0.0005)));
        assertEquals(1.0, ComparisonTables.change(0.002, 0.001, 0.0005), 1e-12);
    }
}
