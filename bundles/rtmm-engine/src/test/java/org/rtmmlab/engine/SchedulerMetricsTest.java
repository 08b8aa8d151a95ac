package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** A scheduler's own figures ({@link Scheduler#metrics()}) reach the run's metrics; the engine's names win. */
class SchedulerMetricsTest {

    private final Lab lab = new Lab();
    private SchedulerContext seen;

    private RunResult run(Map<String, String> properties) {
        lab.single();
        lab.scenario("one-task", List.of(Lab.model("mA", 2)), List.of(Task.periodic("A", "mA", 5 * MS)), List.of(),
                20 * MS);
        lab.policy(Policies.of("reporting", ctx -> {
            seen = ctx;
            return new Scheduler() {
                int calls;

                @Override
                public void decide(SchedulerView view, Decisions decisions) {
                    calls++;
                    Policies.fifoDecide(view, decisions);
                }

                @Override
                public Map<String, Double> metrics() {
                    Map<String, Double> m = new HashMap<>();
                    m.put("reporting.calls", (double) calls);
                    m.put(ctx.windowPrefix(1) + "reporting.x", 7.0);
                    m.put("missRate", 42.0);            // an engine name: the engine's value stays
                    m.put("reporting.nan", Double.NaN); // non-finite: left out
                    return m;
                }
            };
        }));
        return lab.evaluator.run(Lab.config("one-task", "one", "reporting", 1, 0, false, properties), null, w -> { });
    }

    @Test
    void schedulerFiguresAreMergedWithTheEngineWinningOnAClash() {
        RunResult r = run(Map.of("engine.window", "5ms"));
        assertEquals(r.metric("decisions"), r.metric("reporting.calls"));
        assertEquals(0.0, r.metric("missRate"));
        assertFalse(r.metrics().containsKey("reporting.nan"));
        assertEquals(7.0, r.metric("window.1.reporting.x"), "4 windows: indices are one digit");
        assertTrue(r.perTask().get(0).metrics().containsKey("window.1.released"), "the engine's windows: same prefix");
        assertEquals(20 * MS, seen.horizonNs());
        assertEquals(5 * MS, seen.windowNs());
    }

    @Test
    void prefixesArePaddedLikeTheEngines() {
        RunResult r = run(Map.of("engine.window", "1ms"));
        assertEquals(7.0, r.metric("window.01.reporting.x"));
        assertTrue(r.perTask().get(0).metrics().containsKey("window.01.released"));
    }
}
