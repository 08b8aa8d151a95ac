package org.rtmmlab.api.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

class PropertyReaderTest {

    private static final List<PropertySpec> SPECS = List.of(
            PropertySpec.integer("block", 4, 1, 64, "layers per block"),
            PropertySpec.integer("window", 1_000_000, 0, "ns"),
            PropertySpec.number("alpha", 0.5, 0, 1, "weight"),
            PropertySpec.bool("tune", true, "online tuner"),
            PropertySpec.choice("objective", "edp", List.of("edp", "latency", "energy"), "cost"),
            PropertySpec.text("label", "none", "a label"));

    private static String error(Map<String, String> run) {
        return assertThrows(InvalidInputException.class, () -> PropertyReader.of("pol", SPECS, run)).getMessage();
    }

    @Test
    void readsEachTypeWithDefaultsWhereUnset() {
        PropertyReader d = PropertyReader.of("pol", SPECS, Map.of("engine.window", "5ms"));
        assertEquals(4, d.intValue("block"));
        assertEquals(1_000_000L, d.integer("window"));
        assertEquals(0.5, d.number("alpha"));
        assertTrue(d.bool("tune"));
        assertEquals("edp", d.choice("objective"));
        assertEquals("none", d.text("label"));
        PropertyReader r = PropertyReader.of("pol", SPECS, Map.of("block", " 64 ", "window", "9000000000",
                "alpha", "1", "tune", "FALSE", "objective", "energy", "label", "x y"));
        assertEquals(64, r.intValue("block"));
        assertEquals(9_000_000_000L, r.integer("window"));
        assertEquals(1.0, r.number("alpha"));
        assertFalse(r.bool("tune"));
        assertEquals("energy", r.choice("objective"));
        assertEquals("x y", r.text("label"));
    }

    @Test
    void runValuesWinOverConfiguredDefaultsWhichWinOverDeclaredOnes() {
        PropertyReader r = PropertyReader.of("pol", SPECS, Map.of("block", "8", "alpha", "0.25"),
                Map.of("block", "2"));
        assertEquals(2, r.intValue("block"));
        assertEquals(0.25, r.number("alpha"));
        assertEquals("pol: alpha: must be in [0, 1], got 3.0", assertThrows(InvalidInputException.class,
                () -> PropertyReader.of("pol", SPECS, Map.of("alpha", "3"), Map.of())).getMessage(),
                "a bad configured value fails the run with its key");
    }

    @Test
    void valuesAreTheNormalisedEffectiveValuesOfEveryDeclaredKey() {
        PropertyReader r = PropertyReader.of("pol", SPECS, Map.of("block", "08", "tune", "False", "other", "x"));
        assertEquals(Map.of("block", "8", "window", "1000000", "alpha", "0.5", "tune", "false",
                "objective", "edp", "label", "none"), r.values());
        assertEquals("alpha", r.values().keySet().iterator().next(), "sorted by key");
    }

    @Test
    void badValuesAreOneLineErrorsNamingKeyValueAndExpectation() {
        assertEquals("pol: block: not an integer: 'four'", error(Map.of("block", "four")));
        assertEquals("pol: block: not an integer: '2.5'", error(Map.of("block", "2.5")));
        assertEquals("pol: block: must be in [1, 64], got 65", error(Map.of("block", "65")));
        assertEquals("pol: window: must be >= 0, got -1", error(Map.of("window", "-1")));
        assertEquals("pol: alpha: not a number: 'half'", error(Map.of("alpha", "half")));
        assertEquals("pol: alpha: not a finite number: 'NaN'", error(Map.of("alpha", "NaN")));
        assertEquals("pol: alpha: must be in [0, 1], got -0.1", error(Map.of("alpha", "-0.1")));
        assertEquals("pol: tune: not true or false: 'yes'", error(Map.of("tune", "yes")));
        assertEquals("pol: objective: must be one of edp|latency|energy, got 'fast'",
                error(Map.of("objective", "fast")));
    }

    @Test
    void anIntOutOfRangeAndMisuseOfTheReaderAreReported() {
        PropertyReader r = PropertyReader.of("pol", SPECS, Map.of("window", "9000000000"));
        assertEquals("pol: window: must be in [-2147483648, 2147483647], got 9000000000",
                assertThrows(InvalidInputException.class, () -> r.intValue("window")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.integer("undeclared"));
        assertThrows(IllegalArgumentException.class, () -> r.number("block"), "wrong type");
        assertThrows(IllegalArgumentException.class, () -> PropertyReader.of("pol",
                List.of(PropertySpec.bool("a", true, "a"), PropertySpec.bool("a", false, "a")), Map.of()));
    }

    @Test
    void configuredPicksTheDeclaredKeysOfAComponentConfiguration() {
        Map<String, Object> config = Map.of("block", 16, "component.name", "x", "service.pid", "p");
        assertEquals(Map.of("block", "16"), PropertyReader.configured(SPECS, config));
        assertEquals(Map.of(), PropertyReader.configured(SPECS, null));
    }
}
