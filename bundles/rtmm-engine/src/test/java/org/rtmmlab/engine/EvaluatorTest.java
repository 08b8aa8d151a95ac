package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** The evaluation service: resolution, config.json, reporters, input errors, cost-table cache. */
class EvaluatorTest {

    private final Lab lab = new Lab();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void scenario() {
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1, 2)), List.of(Task.periodic("T", "m", 10 * MS)), List.of(),
                50 * MS);
    }

    private static RunConfig config(List<String> reporters) {
        return new RunConfig("s", "one", "fifo", 77, 0, false, Map.of("engine.dropRule", "none", "b", "2", "a", "1"),
                reporters);
    }

    @Test
    void writesTheResolvedConfigurationDeterministically(@TempDir Path dir) throws IOException {
        RunResult r = lab.evaluator.run(config(List.of()), dir.resolve("run1"), warnings::add);
        lab.evaluator.run(config(List.of()), dir.resolve("run2"), warnings::add);
        String json = Files.readString(dir.resolve("run1/config.json"));
        assertEquals(json, Files.readString(dir.resolve("run2/config.json")));
        assertTrue(json.contains("\"seed\": 77"), json);
        assertTrue(json.contains("\"durationNs\": 50000000"), "scenario default duration resolved: " + json);
        assertTrue(json.contains("\"labVersion\": \"" + LabVersion.get() + "\""), json);
        assertTrue(json.indexOf("\"a\": \"1\"") < json.indexOf("\"b\": \"2\""), "properties sorted: " + json);
        assertTrue(json.contains("\"dropRule\": \"none\""), json);
        assertEquals(50 * MS, r.config().durationNs());
        assertEquals(LabVersion.get(), r.labVersion());
        assertTrue(LabVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), LabVersion.get());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFailingReporterCostsOneWarningAndNothingElse(@TempDir Path dir) {
        lab.add(PluginKind.REPORTER, reporter("bad-open", true, false, false));
        lab.add(PluginKind.REPORTER, reporter("bad-record", false, true, false));
        lab.add(PluginKind.REPORTER, reporter("bad-finish", false, false, true));
        RunResult r = lab.evaluator.run(config(List.of("bad-open", "bad-record", "record", "bad-finish")), dir,
                warnings::add);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'bad-open'") && warnings.get(0).contains("open"));
        assertTrue(warnings.get(1).contains("'bad-record'") && warnings.get(1).contains("onRequest"));
        assertTrue(warnings.get(2).contains("'bad-finish'") && warnings.get(2).contains("finish"));
        assertEquals(5, lab.recorder.last().requests.size());
        assertEquals(5, r.frames().released());
        assertEquals(10.0, r.metric("test.records"), "5 requests + 5 whole-model blocks, merged from finish");
        assertTrue(Files.exists(dir.resolve("config.json")));
    }

    private static MetricReporter reporter(String id, boolean failOpen, boolean failRecord, boolean failFinish) {
        return new MetricReporter() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return id;
            }

            @Override
            public ReportSession open(RunInfo run, Path outputDir) throws IOException {
                if (failOpen) {
                    throw new IOException("disk full");
                }
                return new ReportSession() {
                    @Override
                    public void onRequest(RequestRecord request) {
                        if (failRecord) {
                            throw new IllegalStateException("oops");
                        }
                    }

                    @Override
                    public Map<String, Double> finish(RunResult result) throws IOException {
                        if (failFinish) {
                            throw new IOException("cannot close");
                        }
                        return Map.of();
                    }
                };
            }
        };
    }

    @Test
    void unknownIdsAreInputErrorsListingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("nope", "one", "fifo", 1, 0, false, Map.of(), List.of()), null, null));
        assertTrue(e.getMessage().contains("unknown scenario 'nope'") && e.getMessage().contains("s"));
        e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "two", "fifo", 1, 0, false, Map.of(), List.of()), null, null));
        assertTrue(e.getMessage().contains("unknown platform 'two'") && e.getMessage().contains("one"));
        e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "lifo", 1, 0, false, Map.of(), List.of()), null, null));
        assertTrue(e.getMessage().contains("lifo") && e.getMessage().contains("fifo"));
        e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "fifo", 1, 0, false, Map.of(), List.of("pdf")), null, null));
        assertTrue(e.getMessage().contains("pdf") && e.getMessage().contains("record"));
    }

    @Test
    void badEnginePropertiesAreInputErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "fifo", 1, 0, false, Map.of("engine.dropRule", "sometimes"), List.of()),
                null, null));
        assertTrue(e.getMessage().contains("engine.dropRule") && e.getMessage().contains("queued-late"));
        e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "fifo", 1, 0, false, Map.of("engine.turbo", "on"), List.of()), null, null));
        assertTrue(e.getMessage().contains("engine.turbo"));
    }

    @Test
    void aPolicyRejectingItsPropertiesLeavesNoFiles(@TempDir Path dir) {
        lab.policy(Policies.of("picky", ctx -> {
            throw new InvalidInputException("", "a", "must be a number, got '" + ctx.properties().get("a") + "'");
        }));
        Path out = dir.resolve("run");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "picky", 1, 0, false, Map.of("a", "x"), List.of()), out, null));
        assertEquals("scheduler picky: a: must be a number, got 'x'", e.getMessage());
        assertTrue(!Files.exists(out), "no output directory, no config.json for a run that never started");
    }

    @Test
    void aSchedulerPropertyThePolicyDoesNotDeclareIsAnInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "fifo", 1, 0, false, Map.of("blockLayer", "4"), List.of()), null, null));
        assertEquals("run properties: blockLayer: unknown property of scheduler 'fifo'; known: a, b (and engine.* keys)",
                e.getMessage());
    }

    @Test
    void aCostModelThatThrowsFailsTheRunNamingModelAndLayer() {
        lab.costModel.failOn = "l1";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> lab.evaluator.run(config(List.of()), null, null));
        assertTrue(e.getMessage().contains("cost model fixed") && e.getMessage().contains("model m")
                && e.getMessage().contains("layer 1 (l1)") && e.getMessage().contains("acc0"), e.getMessage());
    }

    @Test
    void costTablesAreComputedOncePerPlatformAndWorkload() {
        lab.evaluator.run(config(List.of()), null, null);
        int calls = lab.costModel.wholeCalls.get();
        assertEquals(2, calls, "two layers on one accelerator");
        lab.evaluator.run(config(List.of()).withScheduler("edf-chunks"), null, null);
        lab.evaluator.run(config(List.of()).withXrbenchCompat(true), null, null);
        assertEquals(calls, lab.costModel.wholeCalls.get());
        assertEquals(1, lab.evaluator.cachedCostTables());
    }

    @Test
    void compatModeWarnsAboutIgnoredScenarioEvents() {
        lab.scenario("ev", List.of(Lab.model("m", 1)), List.of(Task.periodic("T", "m", 10 * MS)),
                List.of(new ScenarioEvent(5 * MS, ScenarioEvent.Kind.STOP, "T", 0)), 50 * MS);
        RunResult r = lab.evaluator.run(new RunConfig("ev", "one", "fifo", 1, 0, true, Map.of(), List.of()), null,
                warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("ignored"));
        assertEquals(Evaluator.XRBENCH_HORIZON_NS, r.config().durationNs());
        assertEquals(70, r.frames().released(), "700 ms / 10 ms");
    }
}
