package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/** A scheduler swap fed to a trace session becomes one global instant at the swap time. */
class TraceSwapTest {

    @Test
    void swapIsAGlobalInstantNamedByBothSchedulers(@TempDir Path dir) throws IOException {
        RunConfig c = new RunConfig("s", "p", "fcfs", 1, 0, false, Map.of(TraceOptions.FORMAT, "json"), List.of());
        Model m = Model.of("M", "", List.of(Layer.conv("l0", 1, 1, 1, 1, 1, 1, 1)));
        Scenario s = new Scenario("s", "", List.of(m), List.of(Task.periodic("T", "M", 10_000_000L)), List.of(),
                100_000_000L);
        Platform p = new Platform("p", "", List.of(Accelerator.builder("acc0", "table").build()));
        ReportSession session = new TraceReporter().open(new RunInfo(c, s, p, "test"), dir);
        session.onSwap(new SchedulerSwap(42_500_000L, "fcfs", "rtmm-scheduler-classic", "0.1.0", "dream",
                "rtmm-scheduler-dream", "0.2.0", Map.of("alpha", "0.5")));
        session.finish(new RunResult(c, "test", 100_000_000L, new FrameCounts(0, 0, 0, 0, 0), 0, List.of(),
                Map.of()));
        JsonArray events = JsonParser.parseString(Files.readString(dir.resolve("trace.json"))).getAsJsonObject()
                .getAsJsonArray("traceEvents");
        List<String> problems = new ArrayList<>();
        List<JsonObject> swaps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            problems.addAll(TraceSchema.problems(i, events.get(i)));
            JsonObject e = events.get(i).getAsJsonObject();
            if (e.get("name").getAsString().startsWith("swap")) {
                swaps.add(e);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(1, swaps.size());
        JsonObject e = swaps.get(0);
        assertEquals("swap fcfs -> dream", e.get("name").getAsString());
        assertEquals("i", e.get("ph").getAsString());
        assertEquals("g", e.get("s").getAsString(), "global scope: a line across every track");
        assertEquals("scheduler", e.get("cat").getAsString());
        assertEquals(42500.0, e.get("ts").getAsDouble(), "microseconds");
        JsonObject a = e.getAsJsonObject("args");
        assertEquals("fcfs", a.get("from").getAsString());
        assertEquals("rtmm-scheduler-dream", a.get("to_bundle").getAsString());
        assertEquals("0.2.0", a.get("to_version").getAsString());
        assertEquals("0.5", a.getAsJsonObject("properties").get("alpha").getAsString());
    }
}
