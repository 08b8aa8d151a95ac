package org.rtmmlab.shell.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** --pace values. */
class PaceConverterTest {

    @Test
    void multiplesAndMax() {
        assertEquals(1.0, PaceConverter.parse("1x"));
        assertEquals(10.0, PaceConverter.parse("10X"));
        assertEquals(0.5, PaceConverter.parse("0.5x"));
        assertEquals(2.0, PaceConverter.parse("2"));
        assertEquals(0.0, PaceConverter.parse("max"));
        assertEquals(0.0, PaceConverter.parse(" MAX "));
        assertEquals("max", PaceConverter.format(0));
        assertEquals("10x", PaceConverter.format(10));
        assertEquals("0.5x", PaceConverter.format(0.5));
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertEquals("'fast' is not a pace; use a multiple of real time such as 1x or 10x, or max",
                assertThrows(TypeConversionException.class, () -> PaceConverter.parse("fast")).getMessage());
        assertEquals("must be above 0x and at most 1e9x (or max), got 0x",
                assertThrows(TypeConversionException.class, () -> PaceConverter.parse("0x")).getMessage());
        assertThrows(TypeConversionException.class, () -> PaceConverter.parse("-1x"));
        assertThrows(TypeConversionException.class, () -> PaceConverter.parse("1e99x"));
    }
}
