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
        assertTrue(o.err().startsWith("error: " + unknownModel + ": $.accelerators[0].costModel: unknown cost model 'magic'"),
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
    }
}
