package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.shell.RtmmCommands.RunArgs;

/** rtmm:run's argument parsing and helpers; the commands themselves run in RtmmRunTest and itests/ContainerIT. */
class RtmmCommandsTest {

    @Test
    void setParsesCommaSeparatedPairs() {
        assertEquals(Map.of(), RtmmCommands.properties(""));
        assertEquals(Map.of("blockLayers", "2", "engine.dropRule", "none"),
                RtmmCommands.properties("blockLayers=2, engine.dropRule=none"));
        assertEquals("--set: expected key=value, got 'blockLayers'",
                assertThrows(IllegalArgumentException.class, () -> RtmmCommands.properties("blockLayers"))
                        .getMessage());
    }

    @Test
    void parsesOptionsAndThreePositionals() {
        assertEquals(new RunArgs(false, 1, Map.of(), 0, "sc", "pl", "edf"), RunArgs.parse("sc", "pl", "edf"));
        assertEquals(new RunArgs(true, 42, Map.of("a", "1", "b", "2", "engine.dropRule", "none"), 10_000_000_000L,
                        "sc", "pl", "edf"),
                RunArgs.parse("-c", "--seed", "42", "-s", "a=1,b=2", "sc", "--set", "engine.dropRule=none", "pl",
                        "--duration", "10s", "edf"));
        assertEquals(new RunArgs(true, -3, Map.of("a", "1"), 700_000_000L, "sc", "pl", "edf"),
                RunArgs.parse("--xrbench-compat", "--seed=-3", "--set=a=1", "--duration=700ms", "sc", "pl", "edf"));
        assertEquals(new RunArgs(false, 1, Map.of(), 0, "-odd.json", "pl", "edf"),
                RunArgs.parse("--", "-odd.json", "pl", "edf"));
        assertEquals("null", RunArgs.parse(null, "pl", "edf").scenario()); // Gogo turns the word null into null
        assertNull(RunArgs.parse("--help"));
    }

    @Test
    void argumentErrorsSayWhatIsWrong() {
        assertEquals("expected SCENARIO PLATFORM SCHEDULER, got 2 arguments (a b)", parseError("a", "b"));
        assertEquals("expected SCENARIO PLATFORM SCHEDULER, got 0 arguments", parseError());
        assertEquals("expected SCENARIO PLATFORM SCHEDULER, got 4 arguments (a b c d)", parseError("a", "b", "c", "d"));
        assertEquals("--seed: expected an integer, got 'abc'", parseError("--seed", "abc", "a", "b", "c"));
        assertEquals("--seed needs a value", parseError("a", "b", "c", "--seed"));
        assertEquals("--seed given twice", parseError("--seed", "1", "--seed", "2", "a", "b", "c"));
        assertEquals("unknown option '--sed'", parseError("--sed", "1", "a", "b", "c"));
        assertEquals("unknown option '-x'", parseError("-x", "a", "b", "c"));
        assertEquals("--set: expected key=value, got 'blockLayers'", parseError("-s", "blockLayers", "a", "b", "c"));
        assertEquals("--xrbench-compat takes no value, got '--xrbench-compat=yes'",
                parseError("--xrbench-compat=yes", "a", "b", "c"));
        assertEquals("SCHEDULER must not be empty", parseError("a", "b", " "));
        assertEquals("--duration: '10' is not a duration; use a number with a unit: ns, us, ms, s, m or h"
                + " (e.g. 700ms, 10s)", parseError("--duration", "10", "a", "b", "c"));
    }

    @Test
    void durationHasUnitsAndRoundsToWholeNanoseconds() {
        assertEquals(700_000_000L, RtmmCommands.durationNs("700ms"));
        assertEquals(1_500_000_000L, RtmmCommands.durationNs("1.5s"));
        assertEquals(250_000L, RtmmCommands.durationNs("250us"));
        assertEquals(120_000_000_000L, RtmmCommands.durationNs("2m"));
        assertEquals(3L, RtmmCommands.durationNs("2.5ns")); // half up
        assertEquals(1L, RtmmCommands.durationNs("1ns"));
        assertEquals(0L, RtmmCommands.durationNs("0")); // the scenario's default
        assertEquals(0L, RtmmCommands.durationNs("0s"));
        assertEquals("--duration: must be at least 1ns once rounded to whole nanoseconds, got 0.1ns",
                assertThrows(IllegalArgumentException.class, () -> RtmmCommands.durationNs("0.1ns")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RtmmCommands.durationNs("-1s"));
        assertThrows(IllegalArgumentException.class, () -> RtmmCommands.durationNs("10 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> RtmmCommands.durationNs("999999999h"));
    }

    @Test
    void messagesGoOnOneLine() {
        assertEquals("first / second / third", RtmmCommands.oneLine("first\nsecond\r\n\nthird\n"));
        assertEquals("plain", RtmmCommands.oneLine("plain"));
    }

    @Test
    void relativeJsonFilesBecomeAbsolute() {
        String abs = RtmmCommands.absoluteFile("nowhere/s.json");
        assertEquals(java.nio.file.Path.of("nowhere/s.json").toAbsolutePath().toString(), abs);
        assertEquals("/tmp/s.json", RtmmCommands.absoluteFile("/tmp/s.json"));
        assertEquals("xrbench/VR_gaming", RtmmCommands.absoluteFile("xrbench/VR_gaming"));
    }

    private static String parseError(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> RunArgs.parse(args)).getMessage();
    }
}
