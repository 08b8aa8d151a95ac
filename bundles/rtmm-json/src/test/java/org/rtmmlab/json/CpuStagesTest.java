package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;

/** A task's {@code cpuStagesMs} wraps its model's every variant in HOST stages (issue 13). */
class CpuStagesTest {

    private static final String FILE = """
            {"version": 1, "durationMs": 100,
             "models": [{"id": "Net", "layers": [{"name": "c", "K": 4, "C": 2, "Y": 8, "X": 8, "R": 3, "S": 3}],
                         "variants": [{"id": "half", "relativeAccuracy": 0.9,
                                       "layers": [{"name": "c", "K": 2, "C": 2, "Y": 8, "X": 8, "R": 3, "S": 3}]}]}],
             "tasks": [%s]}""";

    private static Scenario parse(String tasks) {
        return ScenarioFiles.parse("s.json", new StringReader(FILE.formatted(tasks)), null);
    }

    @Test
    void stagesWrapEveryVariantOfADerivedModel() {
        Scenario s = parse("""
                {"id": "det", "model": "Net", "fps": 10, "cpuStagesMs": {"pre": 2.5, "post": 0.0015}},
                {"id": "plain", "model": "Net", "fps": 5}""");
        assertEquals(List.of("Net", "Net@det"), s.models().stream().map(Model::id).toList());
        assertEquals("Net@det", s.tasks().get(0).model());
        assertEquals("Net", s.tasks().get(1).model());
        Model m = s.models().get(1);
        for (int v = 0; v < m.variantCount(); v++) {
            List<Layer> l = m.layersOf(v);
            assertEquals(3, l.size());
            assertEquals(Layer.host("cpu.pre", 2500), l.get(0)); // 2.5 ms = 2500 us
            assertEquals(Layer.host("cpu.post", 2), l.get(2)); // 0.0015 ms = 1.5 us, rounded to 2
        }
        assertEquals(0.9, m.accuracyOf(1));
    }

    @Test
    void aModelOnlyStageTasksRunIsDroppedAndAZeroStageIsLeftOut() {
        Scenario s = parse("{\"id\": \"det\", \"model\": \"Net\", \"fps\": 10, \"cpuStagesMs\": {\"post\": 1}}");
        assertEquals(List.of("Net@det"), s.models().stream().map(Model::id).toList());
        assertEquals(List.of("c", "cpu.post"), s.models().get(0).layers().stream().map(Layer::name).toList());
    }

    @Test
    void badStagesNameTheirPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"model\": \"Net\", \"fps\": 10, \"cpuStagesMs\": {\"pre\": -1}}"));
        assertEquals("$.tasks[0].cpuStagesMs.pre", e.path());
        e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"model\": \"Net\", \"fps\": 10, \"cpuStagesMs\": {\"middle\": 1}}"));
        assertEquals(true, e.getMessage().contains("middle"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"model\": \"Net\", \"fps\": 10, \"cpuStagesMs\": {\"pre\": 0}}"));
        assertEquals("$.tasks[0].cpuStagesMs", e.path());
        e = assertThrows(InvalidInputException.class, () -> parse(
                "{\"model\": \"Net\", \"fps\": 10, \"cpuStagesMs\": {\"pre\": 0.0001}}"));
        assertEquals("$.tasks[0].cpuStagesMs.pre", e.path());
    }
}
