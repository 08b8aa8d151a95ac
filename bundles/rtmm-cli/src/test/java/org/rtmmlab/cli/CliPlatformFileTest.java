package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --platform path/to/file.json}: user platforms on the analytic and measured cost models. */
class CliPlatformFileTest {

    private static final Path EXAMPLES = Path.of("../../examples/platforms");

    @Test
    void runsOnAUserPlatformPricedByTheAnalyticModel(@TempDir Path dir) {
        CliRunTest.Outcome o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform",
                EXAMPLES.resolve("tri-npu.json").toString(), "--scheduler", "edf", "--json", "--out", dir.toString());
        assertEquals(0, o.code(), o.err());
        JsonObject doc = JsonParser.parseString(o.out()).getAsJsonObject();
        assertTrue(doc.getAsJsonObject("frames").get("onTime").getAsLong() > 0, o.out());
        JsonObject metrics = doc.getAsJsonObject("metrics");
        for (String acc : new String[] {"ws2k", "os4k", "rs1k"}) {
            assertTrue(metrics.has("utilisation." + acc), acc + " in " + metrics);
        }
    }

    @Test
    void measuredH100AndAMixedPlatformRunXrbenchEndToEnd(@TempDir Path dir) {
        CliRunTest.Outcome gpu = CliRunTest.rtmm("run", "--scenario", "xrbench/social_interactionA", "--platform",
                "measured/h100", "--scheduler", "fcfs", "--json", "--out", dir.resolve("gpu").toString());
        assertEquals(0, gpu.code(), gpu.err());
        JsonObject doc = JsonParser.parseString(gpu.out()).getAsJsonObject();
        assertTrue(doc.getAsJsonObject("metrics").get("energy.idle.mJ").getAsDouble() > 0, "idle power is counted");
        CliRunTest.Outcome mixed = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform",
                EXAMPLES.resolve("npu-plus-h100.json").toString(), "--scheduler", "edf", "--out",
                dir.resolve("mixed").toString());
        assertEquals(0, mixed.code(), mixed.err());
    }

    @Test
    void badPlatformFilesNameFileAndJsonPath(@TempDir Path dir) throws IOException {
        String good = Files.readString(EXAMPLES.resolve("tri-npu.json"));
        Path unknownModel = dir.resolve("unknown-model.json");
        Files.writeString(unknownModel, good.replaceFirst("\"costModel\": \"analytic\"", "\"costModel\": \"magic\""));
        CliRunTest.Outcome o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform",
                unknownModel.toString(), "--scheduler", "edf", "--out", dir.resolve("o").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: unknown-model.json: $.accelerators[0].costModel: unknown cost model 'magic'"),
                o.err());
        Path zeroPes = dir.resolve("zero.json");
        Files.writeString(zeroPes, good.replaceFirst("\"peCount\": 4096", "\"peCount\": 0"));
        o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", zeroPes.toString(),
                "--scheduler", "edf", "--out", dir.resolve("o").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("$.accelerators[1].peCount: must be > 0, got 0"), o.err());
        o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", dir.resolve("none.json").toString(),
                "--scheduler", "edf");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("platform file not found"), o.err());
        o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", EXAMPLES.resolve("..").resolve(
                "platforms.json").toString(), "--scheduler", "edf");
        assertEquals(2, o.code());
        Path dirNamedJson = Files.createDirectories(dir.resolve("dir.json"));
        o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", dirNamedJson.toString(),
                "--scheduler", "edf");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("is a directory, not a platform file"), o.err());
    }

    /**
     * What a cost model checks before the run (AcceleratorModel.check): each case edits the sample files and must
     * fail with exit code 2 and one line naming the file, the JSON path and the reason.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            tri-npu.json      | "elementBytes": "2"               | "elemntBytes": "2"                  | $.accelerators[2].attributes.elemntBytes: unknown attribute of cost model analytic; allowed: coRunInterference, directives, elementBytes, haloRule
            tri-npu.json      | "elementBytes": "2"               | "elementBytes": "0"                 | $.accelerators[2].attributes.elementBytes:
            tri-npu.json      | "elementBytes": "2"               | "haloRule": "x"                     | $.accelerators[2].attributes.haloRule: must be 'maestro' or 'filter', got 'x'
            tri-npu.json      | "elementBytes": "2"               | "directives": "nonsense"            | $.accelerators[2].attributes.directives:
            tri-npu.json      | "dataflow": "RS"                  | "dataflow": "NONE"                  | $.accelerators[2].dataflow: the analytic model needs a PE-array dataflow
            tri-npu.json      | "l2Bytes": 1048576                | "l2Bytes": 0                        | $.accelerators[2].l2Bytes: the analytic model needs the global buffer size
            npu-plus-h100.json | "table": "measured/h100-fp16"    | "table": "measured/a100"            | $.accelerators[1].attributes.table: unknown cost table 'measured/a100'
            npu-plus-h100.json | "table": "measured/h100-fp16"    | "tabel": "measured/h100-fp16"       | $.accelerators[1].attributes.tabel: unknown attribute of cost model table; allowed: coRunInterference, table
            npu-plus-h100.json | "table": "measured/h100-fp16"    | "table": "measured/h100-fp16", "coRunInterference": "-0.1" | $.accelerators[1].attributes.coRunInterference: must be a finite number >= 0
            tri-npu.json      | "elementBytes": "2"               | "coRunInterference": "lots"         | $.accelerators[2].attributes.coRunInterference: must be a finite number >= 0
            tri-npu.json      | "clockMHz": 800,                  | "clockMHz": 1e-12,                  | $.accelerators[0]
            """)
    void costModelsCheckTheirAcceleratorsBeforeTheRun(String sample, String fragment, String replacement,
                                                      String expected, @TempDir Path dir) throws IOException {
        String text = Files.readString(EXAMPLES.resolve(sample));
        assertTrue(text.contains(fragment), fragment);
        Path file = dir.resolve("bad-" + sample);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(fragment),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        CliRunTest.Outcome o = CliRunTest.rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", file.toString(),
                "--scheduler", "edf", "--out", dir.resolve("o").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: "), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }
}
