package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

/** The report.trace.* run properties: window grammar, size cap, format, and one-line errors naming the key. */
class TraceOptionsTest {

    private static TraceOptions of(String key, String value) {
        return TraceOptions.parse(Map.of(key, value, "blockLayers", "4", "engine.window", "off"));
    }

    @Test
    void defaultsArePerfettoWholeRunNoCap() {
        TraceOptions o = TraceOptions.parse(Map.of("blockLayers", "4"));
        assertEquals(TraceOptions.DEFAULTS, o);
        assertFalse(o.windowed());
    }

    @Test
    void windowsInTheLabsDurationGrammar() {
        TraceOptions o = of(TraceOptions.WINDOW, "10s..20s");
        assertEquals(10_000_000_000L, o.fromNs());
        assertEquals(20_000_000_000L, o.toNs());
        assertTrue(o.windowed());
        assertEquals(0, of(TraceOptions.WINDOW, "0..1ms").fromNs());
        assertEquals(0, of(TraceOptions.WINDOW, "0s .. 2.5ms").fromNs());
        assertEquals(2_500_000L, of(TraceOptions.WINDOW, "0s .. 2.5ms").toNs());
        assertEquals(0, of(TraceOptions.WINDOW, "..5s").fromNs());
        assertEquals(Long.MAX_VALUE, of(TraceOptions.WINDOW, "3590s..").toNs());
        assertEquals(3_590_000_000_000L, of(TraceOptions.WINDOW, "3590s..1h").fromNs());
        TraceOptions w = of(TraceOptions.WINDOW, "1s..2s");
        assertTrue(w.contains(1_000_000_000L));
        assertFalse(w.contains(2_000_000_000L), "TO is exclusive");
        assertTrue(w.overlaps(500_000_000L, 1_000_000_001L));
        assertFalse(w.overlaps(500_000_000L, 1_000_000_000L), "ends at FROM: outside");
    }

    @Test
    void badWindowsNameTheKeyAndSayWhatToWrite() {
        for (String bad : new String[] {"10s", "10s..20s..30s", "20s..10s", "5s..5s", "x..10s", "10..20s", ".."}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> of(TraceOptions.WINDOW, bad),
                    bad);
            assertEquals(TraceOptions.WINDOW, e.path(), bad);
            assertFalse(e.getMessage().contains("\n"), bad);
        }
    }

    @Test
    void sizeCapAndFormat() {
        assertEquals(64L << 20, of(TraceOptions.MAX_BYTES, "64M").maxBytes());
        assertEquals(50_000_000L, of(TraceOptions.MAX_BYTES, "50000000").maxBytes());
        assertEquals(2L << 30, of(TraceOptions.MAX_BYTES, "2GiB").maxBytes());
        assertThrows(InvalidInputException.class, () -> of(TraceOptions.MAX_BYTES, "100"));
        assertThrows(InvalidInputException.class, () -> of(TraceOptions.MAX_BYTES, "lots"));
        TraceOptions json = of(TraceOptions.FORMAT, "json");
        assertTrue(json.json() && !json.perfetto());
        TraceOptions both = of(TraceOptions.FORMAT, "BOTH");
        assertTrue(both.json() && both.perfetto());
        assertEquals(TraceOptions.FORMAT, assertThrows(InvalidInputException.class,
                () -> of(TraceOptions.FORMAT, "xml")).path());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> of("report.trace.windw", "1s..2s"));
        assertEquals("report.trace.windw", unknown.path());
        assertTrue(unknown.getMessage().contains(TraceOptions.WINDOW), unknown.getMessage());
    }
}
