package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;

/**
 * Issue 6: a scenario file run through the Evaluator ({@code --scenario file.json}) with a mid-run FPS change and a
 * cascade-probability change; the per-window metrics change at the event.
 */
class DynamicScenarioTest {

    /**
     * cam: 6 ms of work (K = 6 on the fixed cost model) at 100 fps; hand: 3 ms, cascaded after cam with p = 0.1.
     * At t = 1 s the hands appear (p -> 1) and the camera speeds up to 125 fps: 6 + 3 = 9 ms of work per 8 ms
     * period overloads the accelerator, so misses appear in window 1 only.
     */
    static final String FILE = """
            {"version": 1, "id": "hands-appear", "durationMs": 2000,
             "models": [{"ref": "lib:Cam"},
                        {"id": "Hand", "layers": [{"name": "l0", "K": 3, "C": 1, "Y": 1, "X": 1, "R": 1, "S": 1}]}],
             "tasks": [{"id": "cam", "model": "Cam", "fps": 100},
                       {"id": "hand", "model": "Hand", "fps": 100, "trigger": {"after": "cam", "probability": 0.1}}],
             "events": [{"atMs": 1000, "kind": "setProbability", "task": "hand", "probability": 1.0},
                        {"atMs": 1000, "kind": "setFps", "task": "cam", "fps": 125}]}
            """;

    private final Lab lab = new Lab();

    private Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private RunResult run(Path file, Map<String, String> props) {
        lab.single();
        lab.scenario("lib", List.of(Lab.model("Cam", 6)), List.of(Task.periodic("c", "Cam", 10 * MS)), List.of(),
                10 * MS);
        RunResult r = lab.evaluator.run(Lab.config(file.toString(), "one", "fifo", 7, 0, false, props), null,
                w -> { });
        Invariants.check(lab.recorder.last(), r);
        return r;
    }

    private static double w(TaskResult t, String name) {
        Double v = t.metrics().get(name);
        if (v == null) {
            throw new AssertionError(t.task() + " has no metric " + name + ": " + t.metrics().keySet());
        }
        return v;
    }

    @Test
    void perWindowMetricsChangeAtTheEvent(@TempDir Path dir) throws IOException {
        RunResult r = run(write(dir, "hands.json", FILE), Map.of());
        assertEquals(2_000 * MS, r.simulatedNs(), "the file's durationMs is the default duration");
        TaskResult cam = r.perTask().get(0);
        TaskResult hand = r.perTask().get(1);
        assertEquals(1000.0, r.metric("window.ms"));
        // 100 fps for 1 s, then 125 fps (period re-anchored at the event: 1000, 1008, ... 1992 ms)
        assertEquals(100.0, w(cam, "window.0.released"));
        assertEquals(125.0, w(cam, "window.1.released"));
        // before: about 10% of the camera frames trigger hand tracking; after: every completed camera frame does
        assertTrue(w(hand, "window.0.released") > 0 && w(hand, "window.0.released") < 25, hand.metrics().toString());
        assertEquals(w(cam, "window.1.onTime") + w(cam, "window.1.late"), w(hand, "window.1.released"), 1.0,
                "p = 1: one hand request per completed camera frame (+-1 across the window edge)");
        // no misses before the event, misses after it
        assertEquals(0.0, w(cam, "window.0.missRate"));
        assertEquals(0.0, w(hand, "window.0.missRate"));
        assertTrue(w(cam, "window.1.missRate") + w(hand, "window.1.missRate") > 0.2, r.perTask().toString());
        assertTrue(w(cam, "window.1.latency.mean.ms") > w(cam, "window.0.latency.mean.ms"));
        for (TaskResult t : r.perTask()) {
            for (String win : List.of("window.0.", "window.1.")) {
                assertEquals(w(t, win + "released"), w(t, win + "onTime") + w(t, win + "late") + w(t, win + "dropped")
                        + w(t, win + "inFlight"), "per-window conservation of " + t.task() + " " + win);
            }
        }
    }

    @Test
    void windowsAreConfigurableAndDeterministic(@TempDir Path dir) throws IOException {
        Path file = write(dir, "hands.json", FILE);
        RunResult a = run(file, Map.of("engine.window", "250ms"));
        RunResult b = run(file, Map.of("engine.window", "250ms"));
        assertEquals(a.perTask(), b.perTask());
        assertEquals(25.0, w(a.perTask().get(0), "window.3.released"));
        assertEquals(250.0 / 8, w(a.perTask().get(0), "window.7.released"), 1.0);
        RunResult off = run(file, Map.of("engine.window", "off"));
        assertTrue(off.perTask().get(0).metrics().keySet().stream().noneMatch(k -> k.startsWith("window.")));
    }

    @Test
    void badScenarioFilesAndRefsFailWithFileAndPath(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "bad.json", FILE.replace("lib:Cam", "lib:Nope"));
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> run(bad, Map.of()));
        assertEquals("bad.json: $.models[0].ref: unknown model ref 'lib:Nope': no model 'Nope' in the 1 scenario(s)"
                + " under 'lib'", e.getMessage());
        InvalidInputException missing = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> run(dir.resolve("none.json"), Map.of()));
        assertEquals("scenario file not found", missing.reason());
    }
}
