package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

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
