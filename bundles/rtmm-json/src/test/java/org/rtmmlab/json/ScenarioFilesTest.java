package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;

class ScenarioFilesTest {

    /** A valid file; each malformed case below replaces exactly one fragment of it. */
    static final String VALID = """
            {"version": 1, "id": "my/hands", "description": "hands appear at 5 s", "durationMs": 10000,
             "notes": ["hand-made"],
             "models": [
              {"ref": "lib:Det"},
              {"id": "Track", "task": "hand tracking", "layers": [
                {"name": "c0", "K": 8, "C": 3, "Y": 10, "X": 10, "R": 3, "S": 3},
                {"name": "c1", "type": "dwconv", "N": 1, "K": 8, "C": 8, "Y": 8, "X": 8, "R": 3, "S": 3, "stride": 2,
                 "weightId": "shared-c1"}],
               "variants": [{"id": "w0.5", "relativeAccuracy": 0.9, "source": "made up for the test", "layers": [
                {"name": "c0", "K": 4, "C": 3, "Y": 10, "X": 10, "R": 3, "S": 3}]}]}
             ],
             "tasks": [
              {"id": "det", "model": "Det", "fps": 30, "deadlineMs": 20, "jitterMs": 1.5, "phaseMs": 2, "priority": 3},
              {"id": "track", "model": "Track", "periodMs": 50, "trigger": {"after": "det", "probability": 0.1}},
              {"id": "late", "model": "Track", "fps": 10, "trigger": "periodic", "active": false}
             ],
             "events": [
              {"atMs": 2000, "kind": "start", "task": "late"},
              {"atMs": 5000, "kind": "setProbability", "task": "track", "probability": 1.0},
              {"atMs": 5000, "kind": "setFps", "task": "det", "fps": 60},
              {"atMs": 7000, "kind": "setPeriod", "task": "late", "periodMs": 25},
              {"atMs": 9000, "kind": "stop", "task": "track", "notes": "hands leave"}
             ]}
            """;

    static final Model DET = Model.of("Det", "detection", List.of(Layer.conv("l0", 1, 4, 3, 8, 8, 3, 3)));
    static final Function<String, Model> LIB = ref -> ref.equals("lib:Det") ? DET : null;

    private static Scenario parse(String json) {
        return ScenarioFiles.parse("hands.json", new StringReader(json), LIB);
    }

    @Test
    void readsEveryFieldWithDefaultsAndUnits() {
        Scenario s = parse(VALID);
        assertEquals("my/hands", s.id());
        assertEquals("hands appear at 5 s", s.description());
        assertEquals(10_000_000_000L, s.defaultDurationNs());
        assertSame(DET, s.models().get(0));
        Model track = s.models().get(1);
        assertEquals(new Layer("c1", OpType.DWCONV, 1, 8, 8, 8, 8, 3, 3, 2, "shared-c1"), track.layers().get(1));
        assertEquals("c0", track.layers().get(0).weightId());
        assertEquals(0.9, track.accuracyOf(1));
        assertEquals("w0.5", track.variantId(1));
        assertEquals(new Task("det", "Det", 33_333_333, 20_000_000, 1_500_000, 2_000_000, 3, null, 1.0, true),
                s.tasks().get(0));
        assertEquals(new Task("track", "Track", 50_000_000, 50_000_000, 0, 0, 1, "det", 0.1, true), s.tasks().get(1));
        assertFalse(s.tasks().get(2).active());
        assertEquals(List.of(
                new ScenarioEvent(2_000_000_000L, ScenarioEvent.Kind.START, "late", 0),
                new ScenarioEvent(5_000_000_000L, ScenarioEvent.Kind.SET_PROBABILITY, "track", 1.0),
                new ScenarioEvent(5_000_000_000L, ScenarioEvent.Kind.SET_PERIOD, "det", 16_666_667),
                new ScenarioEvent(7_000_000_000L, ScenarioEvent.Kind.SET_PERIOD, "late", 25_000_000),
                new ScenarioEvent(9_000_000_000L, ScenarioEvent.Kind.STOP, "track", 0)), s.events());
    }

    @Test
    void idDefaultsToTheFileNameAndReadFindsTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("walk.json");
        Files.writeString(file, VALID.replace("\"id\": \"my/hands\", ", ""), StandardCharsets.UTF_8);
        assertEquals("walk", ScenarioFiles.read(file, LIB).id());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioFiles.read(dir.resolve("missing.json")));
        assertEquals("scenario file not found", e.reason());
    }

    @Test
    void aRefWithAVariantsMemberReplacesTheVariants() {
        Scenario s = parse(VALID.replace("{\"ref\": \"lib:Det\"}", """
                {"ref": "lib:Det", "variants": [{"id": "half", "relativeAccuracy": 0.5, "layers": [
                  {"name": "l0", "K": 2, "C": 3, "Y": 8, "X": 8, "R": 3, "S": 3}]}]}"""));
        assertEquals(2, s.models().get(0).variantCount());
        assertEquals("Det", s.models().get(0).id());
    }

    @Test
    void refsWithoutResolverAreRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ScenarioFiles.parse("hands.json", new StringReader(VALID)));
        assertEquals("$.models[0].ref", e.path());
        assertTrue(e.reason().startsWith("model refs need a resolver"), e.reason());
    }

    /**
     * Each row: fragment of {@link #VALID}, its replacement, expected JSON path, expected reason (prefix). Every
     * case must fail with exactly that file, path and reason, as a one-line InvalidInputException.
     */
    @ParameterizedTest(name = "[{index}] {2}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "version": 1,                        | "version": 2,                          | $.version                       | unsupported version 2; supported: 1
            "version": 1,                        | "versio": 1,                           | $.versio                        | unknown key; allowed:
            "version": 1,                        | "version": "1",                        | $.version                       | expected a number
            "durationMs": 10000,                 | "durationMs": 0,                       | $.durationMs                    | must be > 0 (at least 1 ns), got 0
            "durationMs": 10000,                 | ``                                     | $                               | missing member 'durationMs'
            {"ref": "lib:Det"},                  | {"ref": "lib:Nope"},                   | $.models[0].ref                 | unknown model ref 'lib:Nope'
            {"ref": "lib:Det"},                  | {"ref": "lib:Det"}, {"ref": "lib:Det"}, | $.models[1]                    | duplicate model id 'Det'
            "K": 8, "C": 3,                      | "K": 0, "C": 3,                        | $.models[1].layers[0].K         | must be > 0, got 0
            "Y": 10, "X": 10, "R": 3, "S": 3},   | "Y": 10, "X": 10, "R": 3},             | $.models[1].layers[0]           | missing member 'S'
            "type": "dwconv",                    | "type": "lstm",                        | $.models[1].layers[1].type      | unknown layer type 'lstm'
            "stride": 2,                         | "stride": 2, "pad": 1,                 | $.models[1].layers[1].pad       | unknown key; allowed:
            "relativeAccuracy": 0.9,             | "relativeAccuracy": 1.2,               | $.models[1].variants[0].relativeAccuracy | must be in (0, 1], got 1.2
            {"id": "w0.5",                       | {"id": "full",                         | $.models[1].variants[0].id      | duplicate or reserved variant id 'full'
            "model": "Det", "fps": 30,           | "model": "Dett", "fps": 30,            | $.tasks[0].model                | unknown model 'Dett'; models of this file: Det, Track
            "model": "Det", "fps": 30,           | "model": "Det", "fps": 0,              | $.tasks[0].fps                  | must be > 0 (and at most 1e9), got 0
            "model": "Det", "fps": 30,           | "model": "Det", "fps": "30",           | $.tasks[0].fps                  | expected a number
            "model": "Det", "fps": 30,           | "model": "Det", "fps": 30, "periodMs": 33, | $.tasks[0]                  | give exactly one of 'fps' and 'periodMs'
            "periodMs": 50,                      | "periodMs": -5,                        | $.tasks[1].periodMs             | must be > 0 (at least 1 ns), got -5
            "deadlineMs": 20,                    | "deadlineMs": 0,                       | $.tasks[0].deadlineMs           | must be > 0 (at least 1 ns), got 0
            "jitterMs": 1.5,                     | "jitterMs": -1.5,                      | $.tasks[0].jitterMs             | must be >= 0, got -1.5
            "priority": 3                        | "priority": 0                          | $.tasks[0].priority             | must be > 0, got 0
            "probability": 0.1}                  | "probability": 1.5}                    | $.tasks[1].trigger.probability  | must be a probability in [0, 1], got 1.5
            {"after": "det",                     | {"after": "nobody",                    | $.tasks[1].trigger.after        | unknown upstream task 'nobody'; tasks: det, track, late
            {"after": "det",                     | {"after": "track",                     | $.tasks[1].trigger.after        | task 'track' cannot be triggered by itself
            "priority": 3},                      | "priority": 3, "trigger": {"after": "track"}}, | $.tasks[0].trigger.after | cascade cycle det -> track -> det (cascades must form a DAG)
            "trigger": "periodic",               | "trigger": "sometimes",                | $.tasks[2].trigger              | unknown trigger 'sometimes'
            {"id": "late",                       | {"id": "det",                          | $.tasks[2].id                   | duplicate task id 'det'
            "active": false                      | "active": "no"                         | $.tasks[2].active               | expected true or false
            "kind": "start", "task": "late"      | "kind": "start", "task": "ghost"       | $.events[0].task                | unknown task 'ghost'; tasks: det, track, late
            "kind": "start", "task": "late"      | "kind": "begin", "task": "late"        | $.events[0].kind                | unknown event kind 'begin'; allowed: start, stop, setFps, setPeriod, setProbability
            {"atMs": 2000,                       | {"atMs": -1,                           | $.events[0].atMs                | must be >= 0, got -1
            {"atMs": 7000,                       | {"atMs": 4000,                         | $.events[3].atMs                | events must be in time order: 4000 ms comes after 5000 ms
            "probability": 1.0},                 | "probability": -0.5},                  | $.events[1].probability         | must be a probability in [0, 1], got -0.5
            "task": "det", "fps": 60}            | "task": "det"}                         | $.events[2]                     | missing member 'fps'
            "task": "det", "fps": 60}            | "task": "det", "fps": 60, "periodMs": 5} | $.events[2].periodMs          | unknown key; allowed:
            {"id": "late", "model": "Track",     | {"id": "late",                         | $.tasks[2]                      | missing member 'model'
            "durationMs": 10000,                 | "durationMs": 1e30,                    | $.durationMs                    | must be at most 1e9 ms (1e6 s, the longest time a scenario file may give), got 1.0E30
            "durationMs": 10000,                 | "durationMs": 1e-7,                    | $.durationMs                    | must be > 0 (at least 1 ns), got 1.0E-7 ms, which rounds to 0 ns
            "periodMs": 50,                      | "periodMs": 1e30,                      | $.tasks[1].periodMs             | must be at most 1e9 ms
            "periodMs": 50,                      | "periodMs": 4e-7,                      | $.tasks[1].periodMs             | must be > 0 (at least 1 ns), got 4.0E-7 ms, which rounds to 0 ns
            "deadlineMs": 20,                    | "deadlineMs": 1.5e9,                   | $.tasks[0].deadlineMs           | must be at most 1e9 ms
            "deadlineMs": 20,                    | "deadlineMs": 1e-9,                    | $.tasks[0].deadlineMs           | must be > 0 (at least 1 ns), got 1.0E-9 ms, which rounds to 0 ns
            "jitterMs": 1.5,                     | "jitterMs": 1e30,                      | $.tasks[0].jitterMs             | must be at most 1e9 ms
            "phaseMs": 2,                        | "phaseMs": 1e300,                      | $.tasks[0].phaseMs              | must be at most 1e9 ms
            "model": "Det", "fps": 30,           | "model": "Det", "fps": 1e-30,          | $.tasks[0].fps                  | must be at least 1e-6 (a period of at most 1e6 s), got 1.0E-30
            {"atMs": 2000,                       | {"atMs": 1e30,                         | $.events[0].atMs                | must be at most 1e9 ms
            "task": "late", "periodMs": 25}      | "task": "late", "periodMs": 1e30}      | $.events[3].periodMs            | must be at most 1e9 ms
            "task": "late", "periodMs": 25}      | "task": "late", "periodMs": 1e-7}      | $.events[3].periodMs            | must be > 0 (at least 1 ns), got 1.0E-7 ms, which rounds to 0 ns
            {"atMs": 9000,                       | {"atMs": 12000,                        | $.events[4].atMs                | event at 12000 ms is after the scenario's end, 10000 ms (durationMs)
            "K": 8, "C": 8,                      | "K": 8, "C": 4,                        | $.models[1].layers[1].C         | a DWCONV layer needs C == K (one filter per input channel), got K 8, C 4
            {"id": "late", "model": "Track", "fps": 10, "trigger": "periodic", | {"id": "track", "model": "Track", "fps": 10, "trigger": {"after": "track"}, | $.tasks[2].id | duplicate task id 'track'
            """)
    void malformedFilesAreRejectedWithFilePathAndReason(String fragment, String replacement, String path,
                                                        String reason) {
        assertEquals(1, VALID.split(java.util.regex.Pattern.quote(fragment), -1).length - 1,
                "fragment must occur once: " + fragment);
        String text = VALID.replace(fragment, replacement == null ? "" : replacement);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(text));
        assertSame(InvalidInputException.class, e.getClass());
        assertEquals("hands.json", e.source());
        assertEquals(path, e.path());
        assertTrue(e.reason().startsWith(reason), () -> "reason: " + e.reason());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertNull(e.getCause(), "no wrapped stack trace");
        assertEquals("hands.json: " + path + ": " + e.reason(), e.getMessage());
    }

    @Test
    void timeLimitsAreInclusiveAndAnEventMayFallOnTheEnd() {
        Scenario s = parse(VALID.replace("\"durationMs\": 10000,", "\"durationMs\": 1e9,")
                .replace("\"phaseMs\": 2,", "\"phaseMs\": 1e9,").replace("{\"atMs\": 9000,", "{\"atMs\": 1e9,")
                .replace("\"model\": \"Det\", \"fps\": 30,", "\"model\": \"Det\", \"fps\": 1e-6,"));
        assertEquals(1_000_000_000_000_000L, s.defaultDurationNs());
        assertEquals(1_000_000_000_000_000L, s.tasks().get(0).phaseNs());
        assertEquals(1_000_000_000_000_000L, s.tasks().get(0).periodNs());
        assertEquals(1_000_000_000_000_000L, s.events().get(4).timeNs());
        assertEquals(10_000_000_000L, parse(VALID.replace("{\"atMs\": 9000,", "{\"atMs\": 10000,")).events().get(4)
                .timeNs());
        assertEquals(1, parse(VALID.replace("\"periodMs\": 50,", "\"periodMs\": 5e-7,")).tasks().get(1).periodNs(),
                "0.5 ns rounds up to 1 ns");
    }

    @Test
    void syntaxErrorsAreLocatedAtTheRoot() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(VALID.replace("]}", "]")));
        assertEquals("$", e.path());
        assertTrue(e.reason().startsWith("malformed JSON"), e.reason());
    }
}
