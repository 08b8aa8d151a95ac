package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.ScenarioEvent.Kind;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.FixedCostModel;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;

/** Engine invariants over a busy mixed scenario, for several policies, seeds and drop rules; determinism. */
class EngineInvariantsTest {

    private static Lab lab() {
        Lab lab = new Lab();
        lab.platform("mixed", FixedCostModel.accelerator("big").attribute("nsPerK", "400000").idlePowerW(0.3)
                        .attribute("switchNs", "100000").attribute("switchPj", "50").build(),
                FixedCostModel.accelerator("little").attribute("nsPerK", "900000").idlePowerW(0.1).build(),
                FixedCostModel.accelerator("fission").partitions(2).attribute("nsPerK", "600000")
                        .attribute("switchNs", "20000").build());
        Task jittered = new Task("cam", "vision", 16 * MS, 16 * MS, 2 * MS, 0, 2, null, 1.0, true);
        Task gaze = Task.cascaded("gaze", "gazeNet", 16 * MS, "cam", 0.5);
        Task refine = Task.cascaded("refine", "small", 8 * MS, "gaze", 0.7);
        Task audio = new Task("audio", "small", 33 * MS, 20 * MS, 0, 3 * MS, 1, null, 1.0, true);
        Task later = new Task("later", "vision", 22 * MS, 22 * MS, 0, 0, 1, null, 1.0, false);
        lab.scenario("mix", List.of(Lab.model("vision", 3, 2, 4, 1), Lab.model("gazeNet", 2, 2, 2),
                        Lab.model("small", 1, 1)), List.of(jittered, gaze, refine, audio, later),
                List.of(new ScenarioEvent(100 * MS, Kind.START, "later", 0),
                        new ScenarioEvent(150 * MS, Kind.SET_PROBABILITY, "gaze", 0.9),
                        new ScenarioEvent(200 * MS, Kind.SET_PERIOD, "cam", 11 * MS),
                        new ScenarioEvent(300 * MS, Kind.STOP, "audio", 0)), 400 * MS);
        return lab;
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String policy : List.of("fifo", "edf-chunks", "halves", "greedy-mimic")) {
            for (long seed = 1; seed <= 3; seed++) {
                for (String rule : List.of("queued-late", "none")) {
                    out.add(Arguments.of(policy, seed, rule));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} seed {1} {2}")
    @MethodSource("cases")
    void invariantsHold(String policy, long seed, String rule) {
        Lab lab = lab();
        RunResult r = lab.evaluator.run(Lab.config("mix", "mixed", policy, seed, 0, false,
                Map.of("engine.dropRule", rule)), null, null);
        Invariants.check(lab.recorder.last(), r);
        assertTrue(r.frames().released() > 50);
        assertEquals(r.frames().released(), lab.recorder.last().requests.size());
        double score = r.metric("xrbench.score");
        assertTrue(score >= 0 && score <= 100, "score " + score);
        assertTrue(lab.recorder.last().requests("later").size() > 0, "START event released the inactive task");
    }

    @Test
    void sameConfigAndSeedGiveIdenticalRecordsAndResults() {
        Lab lab = lab();
        RunResult a = lab.evaluator.run(Lab.config("mix", "mixed", "edf-chunks", 9, 0, false, Map.of()), null, null);
        List<Object> first = new ArrayList<>(lab.recorder.last().order);
        RunResult b = lab.evaluator.run(Lab.config("mix", "mixed", "edf-chunks", 9, 0, false, Map.of()), null, null);
        assertEquals(first, lab.recorder.last().order);
        assertEquals(a, b);
        // a fresh lab (new plugin instances, cold cost tables) gives the same again
        Lab other = lab();
        RunResult c = other.evaluator.run(Lab.config("mix", "mixed", "edf-chunks", 9, 0, false, Map.of()), null, null);
        assertEquals(first, other.recorder.last().order);
        assertEquals(a, c);
    }

    @Test
    void concurrentRunsOnOneEvaluatorMatchSequentialRuns() throws Exception {
        Lab lab = lab();
        List<RunResult> sequential = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            sequential.add(lab.evaluator.run(new org.rtmmlab.api.run.RunConfig("mix", "mixed", "edf-chunks", seed, 0,
                    false, Map.of(), List.of()), null, null));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<RunResult>> futures = new ArrayList<>();
            for (long seed = 1; seed <= 6; seed++) {
                long s = seed;
                futures.add(pool.submit(() -> lab.evaluator.run(new org.rtmmlab.api.run.RunConfig("mix", "mixed",
                        "edf-chunks", s, 0, false, Map.of(), List.of()), null, null)));
            }
            for (int i = 0; i < 6; i++) {
                assertEquals(sequential.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, lab.evaluator.cachedCostTables());
    }
}
