package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.sim.DropRule;
import org.rtmmlab.engine.sim.EngineOptions;

/** Parsing of the engine.* run properties. */
class EngineOptionsTest {

    static final long S = 1_000_000_000L;

    @Test
    void defaultsAndValues() {
        assertEquals(EngineOptions.DEFAULTS, EngineOptions.parse(Map.of("edf.x", "1"), 10 * S));
        assertEquals(new EngineOptions(DropRule.NONE, 250_000_000L, true, 0), EngineOptions.parse(Map.of(
                "engine.dropRule", "none", "engine.window", "250ms", "engine.xrbenchAccuracy", "true"), 10 * S));
        assertEquals(2_500_000_000L, EngineOptions.parse(Map.of("engine.window", "2.5s"), 10 * S).windowNs());
        assertEquals(100_000L, EngineOptions.parse(Map.of("engine.window", "100us"), S).windowNs());
        assertEquals(0L, EngineOptions.parse(Map.of("engine.window", "off"), S).windowNs());
    }

    @Test
    void longRunsWidenTheDefaultWindowToWholeSeconds() {
        assertEquals(S, EngineOptions.parse(Map.of(), 10_000 * S).windowNs());
        assertEquals(2 * S, EngineOptions.parse(Map.of(), 10_001 * S).windowNs());
        assertEquals(360 * S, EngineOptions.parse(Map.of(), 3_600_000 * S).windowNs());
    }

    @Test
    void badValuesSayWhichPropertyAndWhy() {
        assertEquals("run properties: engine.window: not a positive duration: '0s'; write e.g. 500ms, 1s, 2.5s,"
                + " 100us, 250000ns, or off", assertThrows(InvalidInputException.class,
                () -> EngineOptions.parse(Map.of("engine.window", "0s"), S)).getMessage());
        assertEquals("run properties: engine.window: 1ms gives 20000 windows over the run; at most 10000 (choose a"
                + " wider window or off)", assertThrows(InvalidInputException.class,
                () -> EngineOptions.parse(Map.of("engine.window", "1ms"), 20 * S)).getMessage());
        assertEquals("run properties: engine.xrbenchAccuracy: expected true or false, got 'yes'",
                assertThrows(InvalidInputException.class,
                        () -> EngineOptions.parse(Map.of("engine.xrbenchAccuracy", "yes"), S)).getMessage());
        assertEquals("run properties: engine.windw: unknown engine property; known: engine.dropRule, engine.window,"
                + " engine.xrbenchAccuracy, engine.uxcostFloor, engine.decisionTimeout, engine.runTimeout,"
                + " engine.maxRequests, engine.maxDuration, engine.maxOutputBytes", assertThrows(InvalidInputException.class,
                () -> EngineOptions.parse(Map.of("engine.windw", "1s"), S)).getMessage());
        assertEquals(0.05, EngineOptions.parse(Map.of("engine.uxcostFloor", "0.05"), S).uxcostFloor());
        assertEquals("run properties: engine.uxcostFloor: expected a number in [0, 1], got '2'",
                assertThrows(InvalidInputException.class,
                        () -> EngineOptions.parse(Map.of("engine.uxcostFloor", "2"), S)).getMessage());
    }
}
