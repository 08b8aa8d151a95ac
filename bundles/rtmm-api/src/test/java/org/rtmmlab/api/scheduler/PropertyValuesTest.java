package org.rtmmlab.api.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

@SuppressWarnings("deprecation")
class PropertyValuesTest {

    @Test
    void boundedIntegersAndNumbersWithOneLineErrors() {
        Map<String, String> p = Map.of("n", " 4 ", "x", "0.25", "bad", "four", "big", "99");
        assertEquals(4, PropertyValues.integer("pol", p, "n", 1, 1, 10));
        assertEquals(7, PropertyValues.integer("pol", p, "absent", 7, 1, 10));
        assertEquals(0.25, PropertyValues.number("pol", p, "x", 0.5, 0, 1));
        assertEquals("pol: bad: not an integer: 'four'", assertThrows(InvalidInputException.class,
                () -> PropertyValues.integer("pol", p, "bad", 1, 1, 10)).getMessage());
        assertEquals("pol: big: must be in [1, 10], got 99", assertThrows(InvalidInputException.class,
                () -> PropertyValues.integer("pol", p, "big", 1, 1, 10)).getMessage());
        assertEquals("pol: bad: not a number: 'four'", assertThrows(InvalidInputException.class,
                () -> PropertyValues.number("pol", p, "bad", 1, 0, 1)).getMessage());
        assertEquals("pol: big: must be in [0.0, 1.0], got 99.0", assertThrows(InvalidInputException.class,
                () -> PropertyValues.number("pol", p, "big", 1, 0, 1)).getMessage());
        assertThrows(InvalidInputException.class, () -> PropertyValues.number("pol", Map.of("v", "NaN"), "v", 1, 0, 1));
    }
}
