package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;

/** Issue 17, items 2 and 3: a scheduler that hangs or eats memory fails only its run; runs that cannot end are refused. */
class RunWatchdogTest {

    private final Lab lab = new Lab();
    private final AtomicBoolean release = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        lab.single();
        lab.scenario("s", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 10 * MS)), List.of(), 30 * MS);
        lab.policy(Policies.fifo());
        lab.policy(Policies.of("spins-at-10ms", (v, d) -> {
            while (v.now() >= 10 * MS && !release.get()) {
                Thread.onSpinWait(); // a decide() that never returns (and ignores interrupts)
            }
            Policies.fifoDecide(v, d);
        }));
        lab.policy(Policies.of("hoards", (v, d) -> {
            long[] all = new long[Integer.MAX_VALUE - 8]; // 16 GiB: over any test heap, fails at once
            all[0] = v.now();
        }));
    }

    @AfterEach
    void releaseSpinner() {
        release.set(true);
    }

    private static RunConfig config(String policy, Map<String, String> props) {
        return new RunConfig("s", "one", policy, 1, 0, false, props, List.of("record"));
    }

    @Test
    void aDecideThatNeverReturnsFailsItsRunNamingPluginRunAndTime(@TempDir Path root) throws IOException {
        Path out = root.resolve("run");
        long t0 = System.nanoTime();
        SchedulingException e = assertThrows(SchedulingException.class, () -> lab.evaluator.run(
                config("spins-at-10ms", Map.of(RunLimits.DECISION_TIMEOUT, "300ms")), out, null));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 20_000, "the caller is free again, took " + ms + " ms");
        String m = e.getMessage();
        assertTrue(m.startsWith("scheduler policy 'spins-at-10ms': a scheduler call did not return within 300 ms "
                + "(engine.decisionTimeout) at simulated t=10 ms in run spins-at-10ms on s / one, seed 1"), m);
        assertTrue(m.contains("was abandoned"), m);
        assertEquals(List.of(), names(root), "no staging folder left");
        lab.evaluator.run(config("fifo", Map.of()), out, null); // the evaluator still works
    }

    @Test
    void aRunOverItsWallTimeBudgetFails() {
        SchedulingException e = assertThrows(SchedulingException.class, () -> lab.evaluator.run(
                config("spins-at-10ms", Map.of(RunLimits.RUN_TIMEOUT, "200ms", RunLimits.DECISION_TIMEOUT, "off")),
                null, null));
        assertTrue(e.getMessage().contains("took longer than 200 ms of wall time (engine.runTimeout)"), e.getMessage());
    }

    @Test
    void aSchedulerThatAllocatesWithoutBoundFailsOnlyItsRun() {
        SchedulingException e = assertThrows(SchedulingException.class, () -> lab.evaluator.run(
                config("hoards", Map.of()), null, null));
        assertTrue(e.getMessage().contains("decide() ran out of memory at simulated t=0 ns"), e.getMessage());
        lab.evaluator.run(config("fifo", Map.of()), null, null);
    }

    @Test
    void releasesOverTheLimitAndOverlongDurationsAreRefusedUpFront() {
        lab.scenario("ns", List.of(Lab.model("m", 1)), List.of(Task.periodic("t", "m", 1)), List.of(), 10_000 * MS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("ns", "one", "fifo", 1, 0, false, Map.of(), List.of()), null, null));
        assertEquals("scenario ns: would release up to 10000000001 requests in 10 s (over the limit of 20000000; the "
                + "busiest task: t every 1 ns); shorten the duration, lengthen the periods or raise engine.maxRequests",
                e.getMessage());
        InvalidInputException d = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                new RunConfig("s", "one", "fifo", 1, Long.MAX_VALUE, false, Map.of(), List.of()), null, null));
        assertTrue(d.getMessage().startsWith("duration: 106751.991 days simulated is over the limit of 1 days"),
                d.getMessage());
        InvalidInputException k = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                config("fifo", Map.of(RunLimits.MAX_REQUESTS, "-3")), null, null));
        assertEquals("run properties: engine.maxRequests: expected a whole number >= 1, got '-3'", k.getMessage());
    }

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
