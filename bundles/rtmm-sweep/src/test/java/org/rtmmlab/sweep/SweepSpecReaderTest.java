package org.rtmmlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/** The sweep file: every kind of bad input is one line naming the file and the JSON path; the example expands. */
class SweepSpecReaderTest {

    static final Path EXAMPLES = Path.of("../../examples/sweeps");

    static DefaultPluginCatalog catalog;

    @TempDir
    Path out;

    @BeforeAll
    static void plugins() {
        catalog = ServiceLoaderCatalog.load(SweepSpecReaderTest.class.getClassLoader(), w -> { });
    }

    static SweepSpec spec(String json) {
        return SweepSpecReader.parse("s.json", EXAMPLES.toAbsolutePath(), new StringReader(json));
    }

    static String error(String json) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec(json));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    String planError(String json) {
        SweepSpec s = spec(json);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepPlan.build(s, out, catalog));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    static final String OK = """
            {"version": 1, "schedulers": ["fcfs"], "scenarios": ["xrbench/VR_gaming"],
             "platforms": ["xrbench/Dual_4K__WS_OS"]%s}""";

    @Test
    void shapeErrorsNameFileAndPath() {
        assertEquals("s.json: $.platfroms: unknown key; allowed: baseline, durationMs, exclude, include, maxPoints, "
                + "name, platforms, properties, reports, scenarios, schedulers, seeds, version, xrbenchCompat",
                error(OK.formatted(", \"platfroms\": []")));
        assertEquals("s.json: $.seeds[1]: expected a number", error(OK.formatted(", \"seeds\": [1, \"2\"]")));
        assertEquals("s.json: $.schedulers: must not be empty: the sweep's product would have no point",
                error(OK.formatted("").replace("[\"fcfs\"]", "[]")));
        assertEquals("s.json: $.version: unsupported version 2; this lab reads version 1",
                error(OK.formatted("").replace("\"version\": 1", "\"version\": 2")));
        assertTrue(error(OK.formatted(", \"seeds\": [1, 1]")).startsWith("s.json: $.seeds[1]: seed 1 is listed twice"));
        assertTrue(error(OK.formatted(", \"schedulers\": 1")).startsWith("s.json: $.schedulers: duplicate key"));
        assertEquals("s.json: $.schedulers[0].prop: unknown key; allowed: id, label, properties",
                error(OK.formatted("").replace("[\"fcfs\"]", "[{\"id\": \"fcfs\", \"prop\": 1}]")));
        assertTrue(error(OK.formatted(", \"exclude\": [{\"scheduler\": \"edf\"}]"))
                .startsWith("s.json: $.exclude[0].scheduler: 'edf' is no value of scheduler"));
        assertTrue(error(OK.formatted(", \"properties\": {\"blockLayers\": 4}"))
                .startsWith("s.json: $.properties.blockLayers: only engine.* properties"));
        assertTrue(error(OK.formatted(", \"reports\": [\"csv\"]")).startsWith("s.json: $.reports: must include \"json\""));
    }

    @Test
    void unknownIdsAreErrorsAtTheirPath() {
        assertTrue(planError(OK.formatted("").replace("xrbench/VR_gaming", "xrbench/nope"))
                .startsWith("s.json: $.scenarios[0]: "), planError(OK.formatted("").replace("xrbench/VR_gaming",
                "xrbench/nope")));
        assertTrue(planError(OK.formatted("").replace("\"fcfs\"", "\"nope\"")).startsWith("s.json: $.schedulers[0]: "));
        assertTrue(planError(OK.formatted("").replace("xrbench/Dual_4K__WS_OS", "nope/x"))
                .startsWith("s.json: $.platforms[0]: "));
        assertTrue(planError(OK.formatted("").replace("\"fcfs\"", "{\"id\": \"fcfs\", \"properties\": {\"nope\": 1}}"))
                .startsWith("s.json: $.schedulers[0]: "));
    }

    @Test
    void productOverTheLimitIsAnError() {
        assertEquals("s.json: $: the product has 20 points, over $.maxPoints = 10; raise maxPoints (at most 1000000)"
                + " or filter", planError(OK.formatted(", \"seeds\": {\"from\": 1, \"to\": 20}, \"maxPoints\": 10")));
        assertTrue(error(OK.formatted(", \"maxPoints\": 0")).startsWith("s.json: $.maxPoints: must be in [1, 1000000]"));
    }

    @Test
    void templateParametersMustMatchPlaceholders() {
        String template = OK.formatted("").replace("[\"xrbench/Dual_4K__WS_OS\"]", "[{\"name\": \"npu\", \"template\":"
                + " \"npu-template.json\", \"parameters\": %s}]");
        assertEquals("s.json: $.platforms[0].parameters.pes: template npu-template.json has no placeholder ${pes}; "
                + "it has [bandwidth, dataflow, npus, pe]", planError(template.formatted(
                "{\"npus\": [1], \"pe\": [64], \"dataflow\": [\"WS\"], \"bandwidth\": [8], \"pes\": [1]}")));
        assertEquals("npu-template.json: $.description: placeholder ${bandwidth} has no "
                + "values in s.json $.platforms[0].parameters", planError(template.formatted(
                "{\"npus\": [1], \"pe\": [64], \"dataflow\": [\"WS\"]}")));
        assertTrue(planError(template.formatted("{\"npus\": [1], \"pe\": [0], \"dataflow\": [\"WS\"], "
                + "\"bandwidth\": [8]}")).startsWith("s.json: $.platforms[0]: instance {npus=1, pe=0, dataflow=WS, "
                + "bandwidth=8} of template npu-template.json: "));
    }

    @Test
    void filtersLeavingNothingAreAnError() {
        assertEquals("s.json: $.exclude: the filters leave no point to run",
                planError(OK.formatted(", \"exclude\": [{\"scheduler\": \"fcfs\"}]")));
    }

    @Test
    void shippedExampleExpandsWithTemplatesAndFilters() throws IOException {
        SweepPlan plan = SweepPlan.build(SweepSpecReader.read(EXAMPLES.resolve("pe-dataflow.json")), out, catalog);
        // 3 schedulers x 2 scenarios x (1 + 2*2*2*1 instances) x 3 seeds, minus greedy on the 8 instances
        assertEquals(3 * 2 * 9 * 3 - 2 * 8 * 3, plan.points().size());
        assertEquals(List.of("scheduler", "scenario", "platform", "npus", "pe", "dataflow", "bandwidth", "seed",
                "durationMs", "xrbenchCompat"), plan.dimensions());
        Set<String> ids = plan.points().stream().map(SweepPoint::id).collect(Collectors.toSet());
        assertEquals(plan.points().size(), ids.size());
        try (var s = Files.list(out.resolve(SweepPlan.PLATFORMS_DIR))) {
            assertEquals(8, s.count());
        }
        String three = Files.readString(out.resolve("platforms/npu-npus=3-pe=4096-dataflow=OS-bandwidth=64.json"));
        assertTrue(three.contains("\"id\": \"npu2\"") && three.contains("\"peCount\": 4096"), three);
        // the same file again gives the same ids (a resume finds its points)
        SweepPlan again = SweepPlan.build(SweepSpecReader.read(EXAMPLES.resolve("pe-dataflow.json")), out, catalog);
        assertEquals(plan.points().stream().map(SweepPoint::id).toList(),
                again.points().stream().map(SweepPoint::id).toList());
    }
}
