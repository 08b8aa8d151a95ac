package org.rtmmlab.reproduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.json.ModelRefs;
import org.rtmmlab.json.ScenarioFiles;
import org.rtmmlab.workload.xrbench.XrbenchScenarioProvider;

/** Every shipped sample scenario file and the README's example pass validation; a sample runs end to end. */
class ShippedScenarioFilesTest {

    static final Path ROOT = Path.of("../..");
    static final List<ScenarioProvider> PROVIDERS = List.of(new XrbenchScenarioProvider());

    @Test
    void everyExampleScenarioFileValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("examples/scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!files.isEmpty());
        for (Path f : files) {
            Scenario sc = ScenarioFiles.read(f, ref -> ModelRefs.resolve(ref, PROVIDERS));
            assertTrue(sc.tasks().size() > 0, f.toString());
        }
    }

    @Test
    void theReadmeExampleIsTheSampleFile() throws IOException {
        String readme = Files.readString(ROOT.resolve("bundles/rtmm-json/README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Scenario files");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String sample = Files.readString(ROOT.resolve("examples/scenarios/vr-hands.json"), StandardCharsets.UTF_8);
        assertEquals(sample, block);
        Scenario s = ScenarioFiles.parse("README.md", new StringReader(block), ref -> ModelRefs.resolve(ref, PROVIDERS));
        assertEquals("sample/vr-hands", s.id());
        assertEquals(2, s.model("TinyDet").variantCount());
        assertEquals(1, s.model("HT_hand_graph_cnn_half").variantCount());
    }

    @Test
    void theDynamicXrbenchSessionRunsOnTheTablePlatformsWithPerWindowFigures() {
        Evaluator ev = new Evaluator(ServiceLoaderCatalog.load(getClass().getClassLoader(), e -> { }));
        RunResult r = ev.run(new RunConfig("xrbench/session_dynamic", "xrbench/Dual_4K__WS_OS", "edf", 1, 0, false,
                Map.of(), List.of()), null, w -> { });
        assertEquals(10_000_000_000L, r.simulatedNs());
        assertEquals(10, r.perTask().get(0).metrics().keySet().stream().filter(k -> k.endsWith(".released")).count());
        // DR_RGBd_200 starts at 5 s: nothing released in windows 0-4, 30 fps afterwards
        var dr = r.perTask().get(3).metrics();
        assertEquals(0.0, dr.get("window.4.released"));
        assertEquals(30.0, dr.get("window.6.released"));
        // AS_ED_TCN stops at 8 s
        assertEquals(0.0, r.perTask().get(4).metrics().get("window.9.released"));
    }
}
