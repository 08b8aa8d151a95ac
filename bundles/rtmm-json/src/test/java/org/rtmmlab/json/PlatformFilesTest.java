package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.Platform;

class PlatformFilesTest {

    /** A valid two-accelerator file; the malformed variants below each replace one fragment of it. */
    static final String VALID = """
            {"version": 1, "id": "my/dual", "description": "two NPUs", "notes": ["made by hand"],
             "accelerators": [
              {"id": "npu0", "kind": "npu", "costModel": "analytic", "peCount": 2048, "dataflow": "WS",
               "clockMHz": 800, "nocBandwidth": 128, "offchipBandwidth": 64, "l1Bytes": 8192, "l2Bytes": 2097152,
               "idlePowerW": 0.25, "partitions": 2, "attributes": {"elementBytes": "2"}},
              {"id": "gpu0", "kind": "GPU", "costModel": "table", "peCount": 132, "dataflow": "none",
               "clockMHz": 1980, "nocBandwidth": 1, "offchipBandwidth": 1692.5}
             ]}
            """;

    private static Platform parse(String json) {
        return PlatformFiles.parse("my.json", new StringReader(json));
    }

    @Test
    void readsEveryFieldAndAppliesDefaults() {
        Platform p = parse(VALID);
        assertEquals("my/dual", p.id());
        assertEquals("two NPUs", p.description());
        Accelerator npu = p.accelerators().get(0);
        assertEquals(new Accelerator("npu0", AcceleratorKind.NPU, "analytic", 2048, Dataflow.WS, 800e6, 128, 64, 8192,
                2_097_152, 0.25, 2, Map.of("elementBytes", "2")), npu);
        Accelerator gpu = p.accelerators().get(1);
        assertEquals(new Accelerator("gpu0", AcceleratorKind.GPU, "table", 132, Dataflow.NONE, 1980e6, 1, 1692.5, 0, 0,
                0, 1, Map.of()), gpu);
    }

    @Test
    void formattedPlatformRoundTrips(@TempDir Path dir) throws IOException {
        Platform p = parse(VALID);
        String text = PlatformFiles.format(p, List.of("round trip"));
        Path file = dir.resolve("again.json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertEquals(p, PlatformFiles.read(file));
        assertEquals(text, PlatformFiles.format(PlatformFiles.read(file), List.of("round trip")));
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PlatformFiles.read(dir.resolve("none.json")));
        assertEquals("platform file not found", e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unsupported version  | `"version": 1,`             | `"version": 2,`                  | $.version                     | unsupported version 2; supported: 1
            version not integer  | `"version": 1,`             | `"version": 1.5,`                | $.version                     | expected an integer, got 1.5
            missing version      | `"version": 1,`             | ``                               | $                             | missing member 'version'
            unknown top key      | `"id": "my/dual",`          | `"id": "my/dual", "colour": 1,`  | $.colour                      | unknown key; allowed: accelerators, description, id, notes, version
            empty id             | `"id": "my/dual",`          | `"id": " ",`                     | $.id                          | must be a non-empty string
            description number   | `"description": "two NPUs"` | `"description": 2`               | $.description                 | expected a string
            zero PEs             | `"peCount": 132`            | `"peCount": 0`                   | $.accelerators[1].peCount     | must be > 0, got 0
            fractional PEs       | `"peCount": 2048`           | `"peCount": 20.5`                | $.accelerators[0].peCount     | expected an integer, got 20.5
            PEs as string        | `"peCount": 2048`           | `"peCount": "2048"`              | $.accelerators[0].peCount     | expected a number
            unknown kind         | `"kind": "npu"`             | `"kind": "tpu"`                  | $.accelerators[0].kind        | unknown value 'tpu'; allowed: npu, gpu, cpu
            unknown dataflow     | `"dataflow": "WS"`          | `"dataflow": "IS"`               | $.accelerators[0].dataflow    | unknown value 'IS'; allowed: ws, os, rs, none
            negative clock       | `"clockMHz": 800`           | `"clockMHz": -800`               | $.accelerators[0].clockMHz    | must be > 0, got -800
            zero noc bandwidth   | `"nocBandwidth": 1,`        | `"nocBandwidth": 0,`             | $.accelerators[1].nocBandwidth | must be > 0, got 0
            missing offchip      | `, "offchipBandwidth": 1692.5` | ``                            | $.accelerators[1]             | missing member 'offchipBandwidth'
            missing cost model   | `"costModel": "table", `    | ``                               | $.accelerators[1]             | missing member 'costModel'
            empty cost model     | `"costModel": "table"`      | `"costModel": ""`                | $.accelerators[1].costModel   | must be a non-empty string
            negative l1          | `"l1Bytes": 8192`           | `"l1Bytes": -1`                  | $.accelerators[0].l1Bytes     | must be >= 0, got -1
            negative idle power  | `"idlePowerW": 0.25`        | `"idlePowerW": -0.5`             | $.accelerators[0].idlePowerW  | must be >= 0, got -0.5
            zero partitions      | `"partitions": 2`           | `"partitions": 0`                | $.accelerators[0].partitions  | must be > 0, got 0
            unknown accel key    | `"partitions": 2`           | `"partitions": 2, "pes": 4`      | $.accelerators[0].pes         | unknown key; allowed: attributes, clockMHz, costModel, dataflow, id, idlePowerW, kind, l1Bytes, l2Bytes, nocBandwidth, offchipBandwidth, partitions, peCount
            attribute not string | `"elementBytes": "2"`       | `"elementBytes": 2`              | $.accelerators[0].attributes.elementBytes | expected a string
            duplicate id         | `"id": "gpu0"`              | `"id": "npu0"`                   | $.accelerators[1].id          | duplicate accelerator id 'npu0'
            accelerators object  | `"accelerators": [`         | `"accelerators": {"a": [`        | $                             | malformed JSON
            notes not strings    | `["made by hand"]`          | `[1]`                            | $.notes[0]                    | expected a string
            """)
    void malformedVariantIsRejectedWithPathAndReason(String name, String from, String to, String path, String reason) {
        String json = VALID.replace(from, to == null ? "" : to);
        assertEquals(false, json.equals(VALID), "variant must change the document: " + name);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json), name);
        assertEquals("my.json", e.source(), name);
        assertEquals(path, e.path(), name);
        if (reason.equals("malformed JSON")) {
            assertEquals(true, e.reason().startsWith(reason), e.reason());
        } else {
            assertEquals(reason, e.reason(), name);
        }
    }

    @Test
    void emptyAcceleratorListIsRejected() {
        String json = "{\"version\":1,\"id\":\"p\",\"accelerators\":[]}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(json));
        assertEquals("my.json: $.accelerators: must list at least one accelerator", e.getMessage());
    }
}
