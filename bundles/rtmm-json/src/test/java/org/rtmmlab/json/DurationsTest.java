package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one duration grammar: units, exact rounding, and the messages of bad values. */
class DurationsTest {

    @Test
    void everyUnitConvertsExactly() {
        assertEquals(7L, Durations.parseNs("7ns"));
        assertEquals(2_500L, Durations.parseNs("2.5us"));
        assertEquals(500_000L, Durations.parseNs(".5ms"));
        assertEquals(1_000_000_000L, Durations.parseNs("1e3ms"));
        assertEquals(90_000_000_000L, Durations.parseNs("1.5m"));
        assertEquals(1_800_000_000_000L, Durations.parseNs("30min"));
        assertEquals(7_200_000_000_000L, Durations.parseNs("2 H"));
        assertEquals(86_400_000_000_000L, Durations.parseNs("1d"));
        assertEquals(2L, Durations.parseNs("1.5ns"), "half up");
    }

    @Test
    void badValuesNameTheTextAndTheAlternative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("0.4ns", "off"));
        assertEquals("not a positive duration: '0.4ns'; write e.g. 500ms, 1s, 2.5s, 100us, 250000ns, or off", e.getMessage());
        assertEquals("not a positive duration: '10'; write e.g. 500ms, 1s, 2.5s, 100us, 250000ns",
                assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("10")).getMessage());
        assertEquals("not a positive duration: '-1s'; write e.g. 500ms, 1s, 2.5s, 100us, 250000ns",
                assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("-1s")).getMessage());
        assertEquals("not a duration below 292 years: '300000d'; write e.g. 500ms, 1s, 2.5s, 100us, 250000ns",
                assertThrows(IllegalArgumentException.class, () -> Durations.parseNs("300000d")).getMessage());
    }
}
