package org.rtmmlab.api.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertySpecTest {

    @Test
    void factoriesMakeValidDeclarationsWithPlainDefaultsAndReadableRanges() {
        PropertySpec n = PropertySpec.integer("blockLayers", 4, 0, 64, "layers per block");
        assertEquals(PropertySpec.Type.INTEGER, n.type());
        assertEquals("4", n.defaultValue());
        assertEquals("[0, 64]", n.range());
        assertEquals(">= 1", PropertySpec.integer("n", 1, 1, "n").range());
        assertEquals("[0, 0.5]", PropertySpec.number("x", 0.25, 0, 0.5, "x").range());
        assertEquals("0.25", PropertySpec.number("x", 0.25, 0, 0.5, "x").defaultValue());
        assertEquals("edp|latency", PropertySpec.choice("o", "edp", List.of("edp", "latency"), "o").range());
        assertEquals("true|false", PropertySpec.bool("b", true, "b").range());
        assertEquals("any", PropertySpec.text("t", "", "t").range());
        assertFalse(PropertySpec.text("t", "", "t").bounded());
        assertTrue(n.bounded());
    }

    @Test
    void aDefaultOfTheWrongTypeOrOutsideItsRangeIsRefused() {
        assertEquals("n: default must be in [1, 10], got 0", assertThrows(IllegalArgumentException.class,
                () -> PropertySpec.integer("n", 0, 1, 10, "n")).getMessage());
        assertEquals("n: default not an integer: '4 (layers)'", assertThrows(IllegalArgumentException.class,
                () -> new PropertySpec("n", PropertySpec.Type.INTEGER, "4 (layers)", 0, 10, List.of(), "n"))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.number("x", 2, 0, 1, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new PropertySpec("x", PropertySpec.Type.NUMBER, "NaN", 0, 1, List.of(), "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new PropertySpec("b", PropertySpec.Type.BOOLEAN, "yes", Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, List.of(), "b"));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.choice("o", "fast", List.of("edp"), "o"));
    }

    @Test
    void aMalformedDeclarationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.integer(" ", 1, 0, "h"));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.integer("engine.x", 1, 0, "h"));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.integer("n", 1, 0, " "));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.integer("n", 1, 0, "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.integer("n", 1, 5, 2, "h"));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.choice("o", "a", List.of(), "o"));
        assertThrows(IllegalArgumentException.class, () -> PropertySpec.choice("o", "a", List.of("a", "a"), "o"));
        assertThrows(IllegalArgumentException.class,
                () -> new PropertySpec("t", PropertySpec.Type.TEXT, "", 0, 1, List.of(), "t"));
        assertThrows(IllegalArgumentException.class,
                () -> new PropertySpec("n", PropertySpec.Type.INTEGER, "1", 0.5, 2, List.of(), "n"));
    }

    @Test
    void configuredDefaultsReplaceValidBuiltInsOnly() {
        List<PropertySpec> specs = List.of(PropertySpec.integer("a", 1, 0, 9, "a"),
                PropertySpec.integer("b", 2, 0, 9, "b"));
        List<PropertySpec> c = PropertySpec.withDefaults(specs, Map.of("a", " 7", "b", "99"));
        assertEquals("7", c.get(0).defaultValue());
        assertEquals("2", c.get(1).defaultValue(), "an out-of-range configured value keeps the built-in default");
        assertThrows(IllegalArgumentException.class, () -> specs.get(0).withDefault("x"));
    }

    @Test
    void defaultPropertiesAreDerivedFromTheDeclarationsAndOldOverridesStillWork() {
        SchedulerPolicy declared = new Policy() {
            @Override
            public List<PropertySpec> properties() {
                return List.of(PropertySpec.integer("z", 3, 0, "z"), PropertySpec.bool("a", false, "a"));
            }
        };
        assertEquals(Map.of("a", "false", "z", "3"), declared.defaultProperties());
        assertEquals(List.of("a", "z"), List.copyOf(declared.defaultProperties().keySet()), "sorted by key");
        SchedulerPolicy legacy = new Policy() {
            @Override
            public Map<String, String> defaultProperties() {
                return Map.of("k", "1 (old style)");
            }
        };
        assertTrue(legacy.properties().isEmpty());
        assertEquals(Map.of("k", "1 (old style)"), legacy.defaultProperties());
    }

    /** A policy that only names itself. */
    private abstract static class Policy implements SchedulerPolicy {
        @Override
        public String id() {
            return "p";
        }

        @Override
        public String description() {
            return "p";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
