package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.SchedulerPolicy;

/** Properties: real default values, ConfigAdmin defaults, one-line errors, the four ids. */
class DreamSettingsTest {

    private static final List<SchedulerPolicy> POLICIES = List.of(new DreamPolicy(), new DreamNoTunePolicy(),
            new DreamNoSupernetPolicy(), new DreamStaticPolicy());

    @Test
    void fourIdsShareOneListOfPropertiesWhoseDefaultsAreValues() {
        assertEquals(List.of("dream", "dream-notune", "dream-nosupernet", "dream-static"),
                POLICIES.stream().map(SchedulerPolicy::id).toList());
        for (SchedulerPolicy p : POLICIES) {
            Map<String, String> d = p.defaultProperties();
            assertEquals(DreamSettings.SPECS.size(), d.size(), p.id());
            assertEquals(DreamSettings.SPECS, p.properties(), p.id());
            assertEquals("true", d.get(DreamSettings.DROP));
            assertEquals("4.0", d.get(DreamSettings.ALPHA));
            assertEquals("100000000", d.get(DreamSettings.LOAD_TAU));
            // reading the listed values back gives the built-in defaults
            assertEquals(DreamSettings.DEFAULTS, DreamSettings.read(p.id(), Map.of(), d));
        }
    }

    @Test
    void configAdminValuesBecomeDefaultsAndRunPropertiesWin() {
        DreamPolicy p = new DreamPolicy();
        p.configure(Map.of("alpha", 2.5, "supernet.loadHigh", "1.5", "unrelated", "x"));
        assertEquals("2.5", p.defaultProperties().get("alpha"));
        assertEquals("1.5", p.defaultProperties().get("supernet.loadHigh"));
        assertEquals(2.5, DreamSettings.read("dream", PropertyReader.configured(DreamSettings.SPECS,
                Map.of("alpha", 2.5)), Map.of()).alpha());
        assertEquals(0.5, DreamSettings.read("dream", Map.of("alpha", "2.5"), Map.of("alpha", "0.5")).alpha());
    }

    @Test
    void badValuesAreOneLineErrorsNamingPolicyAndKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DreamSettings.read("dream-static", Map.of(), Map.of("alpha", "-1")));
        assertTrue(e.getMessage().contains("dream-static") && e.getMessage().contains("alpha: must be in [0, 10], got -1.0"),
                e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> DreamSettings.read("dream", Map.of(), Map.of("blockLayers", "two")));
        assertTrue(e.getMessage().contains("blockLayers: not an integer: 'two'"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> DreamSettings.read("dream", Map.of(), Map.of("supernet.loadLow", "2")));
        assertTrue(e.getMessage().contains("supernet.loadLow: must be < supernet.loadHigh"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> DreamSettings.read("dream", Map.of(), Map.of("drop", "yes")));
        assertTrue(e.getMessage().contains("drop: not true or false: 'yes'"), e.getMessage());
    }
}
