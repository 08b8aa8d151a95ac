package org.rtmmlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine;

/** The printed table and the options of {@code ./rtmm bench}. */
class FigureTableTest {

    @Test
    void nestedFiguresGetOneLinePerKeyWithTheLoad() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("dispatchesPerSecond", new TreeMap<>(Map.of("edf", new TreeMap<>(Map.of("16", 2.5e7)))));
        figures.put("fig5GridSeconds", 0.8706);
        String[] lines = FigureTable.render(figures, Map.of("dispatchesPerSecond", "1.50", "fig5GridSeconds", "2.00"))
                .split("\n");
        assertEquals(3, lines.length);
        assertEquals(List.of("dispatchesPerSecond.edf.16", "25,000,000", "1.50"), List.of(lines[1].trim().split("\\s+")));
        assertEquals(List.of("fig5GridSeconds", "0.871", "2.00"), List.of(lines[2].trim().split("\\s+")));
    }

    @Test
    void aFailedProbeIsPrintedAsItsTextBesideTheNumbers() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("overloadHeapMb", new TreeMap<>(Map.of("edf", 31.25, "slow", "failed: out of memory")));
        String[] lines = FigureTable.render(figures, Map.of("overloadHeapMb", "0.50")).split("\n");
        assertEquals(List.of("overloadHeapMb.edf", "31.25", "0.50"), List.of(lines[1].trim().split("\\s+")));
        assertEquals("overloadHeapMb.slow failed: out of memory 0.50", lines[2].trim().replaceAll("\\s+", " "));
    }

    @Test
    void anUnknownFigureOrSchedulerIsRejectedBeforeAnyMeasurement() {
        BenchMain unknownFigure = new BenchMain();
        new CommandLine(unknownFigure).parseArgs("--only", "fastness");
        InvalidInputException e = assertThrows(InvalidInputException.class, unknownFigure::call);
        assertEquals("--only", e.source());
        assertEquals("unknown figure 'fastness'; allowed: " + BenchMain.FIGURES, e.reason());
        BenchMain unknownScheduler = new BenchMain();
        new CommandLine(unknownScheduler).parseArgs("--schedulers", "nope");
        assertThrows(InvalidInputException.class, unknownScheduler::call);
    }
}
