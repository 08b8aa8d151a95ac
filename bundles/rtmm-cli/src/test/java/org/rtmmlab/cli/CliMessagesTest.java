package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 17, item 6: the messages that pointed the wrong way, each reproduced through the command line. */
class CliMessagesTest {

    private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    private static CliRunTest.Outcome runWith(Path scenario, Path platform, Path dir) {
        return rtmm("run", "--scenario", scenario.toString(), "--platform", platform.toString(), "--scheduler", "edf",
                "--progress", "none", "--duration", "50ms", "--out", dir.resolve("o").toString());
    }

    private static Path edited(Path original, String fragment, String replacement, Path dir) throws IOException {
        String text = Files.readString(original);
        assertTrue(text.contains(fragment), fragment);
        return Files.writeString(dir.resolve(original.getFileName()), text.replaceFirst(Pattern.quote(fragment),
                Matcher.quoteReplacement(replacement)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "clockMHz": 800,        | "clockMHz": 1e308,        | error: tri-npu.json: $.accelerators[0].clockMHz: must be at most 1e300 MHz, got 1.0E308
            "nocBandwidth": 128,    | "nocBandwidth": 1e-300,   | nocBandwidth
            """)
    void platformNumbersAreBlamedOnTheFieldAsWritten(String fragment, String replacement, String expected,
                                                     @TempDir Path dir) throws IOException {
        Path platform = edited(EXAMPLES.resolve("platforms/tri-npu.json"), fragment, replacement, dir);
        CliRunTest.Outcome o = runWith(EXAMPLES.resolve("scenarios/vr-hands.json"), platform, dir);
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().strip().startsWith(expected) || (o.err().contains(expected) && !o.err().contains(
                "clockMHz")), o.err());
    }

    @Test
    void eventNotesMustBeText(@TempDir Path dir) throws IOException {
        Path scenario = edited(EXAMPLES.resolve("scenarios/vr-hands.json"), "\"notes\": \"hands appear in view\"",
                "\"notes\": {\"a\": 1}", dir);
        CliRunTest.Outcome o = runWith(scenario, EXAMPLES.resolve("platforms/tri-npu.json"), dir);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: vr-hands.json: $.events[0].notes"), o.err());
    }

    @Test
    void anInlineModelsCostErrorNamesTheFileAndTheLayersJsonPath(@TempDir Path dir) throws IOException {
        Path scenario = edited(EXAMPLES.resolve("scenarios/vr-hands.json"), "\"K\": 16, \"C\": 3, \"Y\": 64",
                "\"K\": 2147483647, \"C\": 2147483647, \"Y\": 2147483647", dir);
        CliRunTest.Outcome o = runWith(scenario, EXAMPLES.resolve("platforms/tri-npu.json"), dir);
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("(the layer: vr-hands.json: $.models[3].layers[0])"), o.err());
        assertTrue(o.err().contains("too large for the analytic model"), o.err());
        assertTrue(!o.err().contains("energy is -"), "no negative energy: " + o.err());
    }

    @Test
    void aReportOrSchedulerListOfOnlyCommasIsAnError() {
        CliRunTest.Outcome r = rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
                "--scheduler", "edf", "--report", ",", "--progress", "none");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --report: names no reporter"), r.err());
        CliRunTest.Outcome c = rtmm("compare", "--scenarios", "xrbench/VR_gaming", "--platforms",
                "xrbench/Single_4K__WS", "--schedulers", ",", "--progress", "none");
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().startsWith("error: --schedulers: names no id"), c.err());
    }

    @Test
    void aOneNanosecondPeriodIsRefusedBeforeTheRun(@TempDir Path dir) throws IOException {
        Path scenario = edited(EXAMPLES.resolve("scenarios/vr-hands.json"), "\"periodMs\": 100", "\"periodMs\": 1e-6",
                dir);
        CliRunTest.Outcome o = rtmm("run", "--scenario", scenario.toString(), "--platform",
                EXAMPLES.resolve("platforms/tri-npu.json").toString(), "--scheduler", "edf", "--progress", "none",
                "--out", dir.resolve("o").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("would release up to") && o.err().contains("engine.maxRequests"), o.err());
        assertTrue(!Files.exists(dir.resolve("o")) && !Files.exists(dir.resolve(".o.partial")), "nothing written");
    }
}
