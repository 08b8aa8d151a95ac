package org.rtmmlab.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void countsWithoutDecimalsOtherFiguresWithSix() {
        assertEquals("4410", Numbers.figure(4410));
        assertEquals("0", Numbers.figure(0));
        assertEquals("0.090909", Numbers.figure(1.0 / 11));
        assertEquals("-", Numbers.figure(Double.NaN));
    }

    @Test
    void noChangeAgainstABaselineBelowTheShownResolution() {
        assertEquals(0.0005, Numbers.resolution(3), 1e-15);
        assertEquals(Double.NaN, Numbers.change(50, 1e-40, Numbers.resolution(3)));
        assertEquals(-0.5, Numbers.change(1, 2, Numbers.resolution(3)), 1e-12);
        assertEquals("-", Numbers.signedPercent(Numbers.change(50, 1e-40, Numbers.resolution(3))));
    }
}
