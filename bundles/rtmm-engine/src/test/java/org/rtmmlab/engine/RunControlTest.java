package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.engine.support.Lab.MS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.DropCause;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.Outcome;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.support.Invariants;
import org.rtmmlab.engine.support.Lab;
import org.rtmmlab.engine.support.Policies;
import org.rtmmlab.engine.support.RecordingReporter.Recording;

/**
 * Run control of the default engine, on a hand-computed run: one accelerator, task A every 10 ms with 2 ms of work
 * (deadline 10 ms), 40 ms: A0 [0,2], A1 [10,12], A2 [20,22], A3 released at 30. The test policy {@code first} runs
 * FIFO and, at its decision at t = 20 ms, asks the control for something (swap, cancel, pause): that request takes
 * effect at the next time step, 22 ms, before the events of that time.
 */
class RunControlTest {

    private final Lab lab = new Lab();

    /** Builds the lab's scenario {@code a10} and platform {@code one}. */
    private void tenMs(long horizon) {
        lab.single();
        lab.scenario("a10", List.of(Lab.model("m", 2)), List.of(Task.periodic("A", "m", 10 * MS)), List.of(), horizon);
    }

    /** FIFO that calls {@code atTwenty} once at its first decision at or after 15 ms, and counts its calls. */
    private static SchedulerPolicy first(Runnable atTwenty) {
        return Policies.of("first", ctx -> new Scheduler() {
            final AtomicInteger calls = new AtomicInteger();
            boolean fired;

            @Override
            public void decide(SchedulerView v, Decisions d) {
                calls.incrementAndGet();
                if (!fired && v.now() >= 15 * MS) {
                    fired = true;
                    atTwenty.run();
                }
                Policies.fifoDecide(v, d);
            }

            @Override
            public Map<String, Double> metrics() {
                return Map.of("first.calls", (double) calls.get());
            }
        });
    }

    /** Drops every ready job. */
    private static SchedulerPolicy dropper() {
        return Policies.of("dropper", (SchedulerView v, Decisions d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j)) {
                    d.drop(j);
                }
            }
        });
    }

    private RunResult run(RunControl control, Path out, Map<String, String> props) {
        return lab.evaluator.run(Lab.config("a10", "one", "first", 1, 0, false, props), out, null, control);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void swapAtAKnownTimeChangesTheScheduleFromThenOn(@TempDir Path dir) throws Exception {
        tenMs(40 * MS);
        RunControl control = new RunControl();
        lab.policy(first(() -> control.swap(new RunControl.SwapRequest("dropper", Map.of("a", "1")))));
        lab.policy(dropper());
        Path out = dir.resolve("run");
        RunResult r = run(control, out, Map.of("engine.window", "10ms"));
        Recording rec = lab.recorder.last();
        Invariants.check(rec, r);
        // first decides A0..A2 (all on time); dropper takes over at 22 ms and drops A3 at its release (30 ms)
        assertEquals(new FrameCounts(4, 3, 0, 1, 0), r.frames());
        List<RequestRecord> a = rec.requests("A");
        assertEquals(22 * MS, a.get(2).finishNs());
        assertEquals(Outcome.DROPPED, a.get(3).outcome());
        assertEquals(DropCause.POLICY, a.get(3).dropCause());
        assertEquals(30 * MS, a.get(3).finishNs());
        SchedulerSwap swap = new SchedulerSwap(22 * MS, "first", "test", "0", "dropper", "test", "0", Map.of("a", "1"));
        assertEquals(List.of(swap), rec.swaps);
        assertEquals(List.of(swap), control.swaps());
        // stream order: A0, A1 (block + request each), the swap, then A2's block and request, A3's drop
        assertEquals(swap, rec.order.get(4));
        assertTrue(rec.order.get(3) instanceof RequestRecord q && q.frame() == 1);
        assertTrue(rec.order.get(5) instanceof BlockRecord b && b.frame() == 2);
        // the old scheduler's figures are kept under scheduler.0.: it decided at 0, 2, 10, 12 and 20 ms
        assertEquals(5.0, r.metric("scheduler.0.first.calls"));
        assertEquals(7.0, r.metric("decisions"), "5 by first, then 22 (START) and 30 ms by dropper");
        assertEquals(RunControl.Phase.COMPLETED, control.phase());
        // live windows by event time: the swap shows between the 2nd and 3rd; the 4th window misses everything
        List<RunControl.LiveWindow> w = control.windows();
        assertEquals(4, w.size());
        assertEquals(List.of("first", "first", "dropper", "dropper"), w.stream().map(x -> x.scheduler()).toList());
        assertArrayEquals(new double[] {0, 0, 0, 1}, w.stream().mapToDouble(x -> x.missRate()).toArray());
        assertArrayEquals(new long[] {1, 1, 1, 1}, w.stream().mapToLong(x -> x.released()).toArray());
        assertEquals(30 * MS, w.get(3).startNs());
        assertEquals(40 * MS, w.get(3).endNs());
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"swaps\": ["), config);
        assertTrue(config.contains("\"timeNs\": 22000000"), config);
        assertTrue(config.contains("\"to\": \"dropper\""), config);
        assertFalse(config.contains("\"stopped\""), config);
    }

    @Test
    void aSwapThatFailsLeavesTheOldSchedulerRunning() {
        tenMs(40 * MS);
        RunControl control = new RunControl();
        lab.policy(first(() -> control.swap(new RunControl.SwapRequest("dropper", Map.of("zzz", "1")))));
        lab.policy(dropper());
        RunResult r = run(control, null, Map.of());
        assertEquals(new FrameCounts(4, 4, 0, 0, 0), r.frames());
        assertTrue(control.swaps().isEmpty());
        assertTrue(control.swapError().contains("zzz"), control.swapError());
        assertThrows(InvalidInputException.class, () -> control.swap(new RunControl.SwapRequest("dropper", Map.of())),
                "an ended run cannot swap");
    }

    @Test
    void cancelEndsTheRunAtTheLastTimeProcessedAndKeepsWhatWasMeasured(@TempDir Path dir) throws Exception {
        tenMs(40 * MS);
        RunControl control = new RunControl();
        lab.policy(first(control::cancel));
        Path out = dir.resolve("run");
        RunResult r = run(control, out, Map.of());
        Invariants.check(lab.recorder.last(), r);
        // cancel asked at 20 ms (A2 dispatched then); the run stops before the 22 ms step: A2 is in flight
        assertEquals(new FrameCounts(3, 2, 0, 0, 1), r.frames());
        assertEquals(20 * MS, r.simulatedNs());
        assertEquals(Outcome.IN_FLIGHT, lab.recorder.last().requests("A").get(2).outcome());
        assertEquals(4.0 / 20, r.metric("utilisation.acc0"), 1e-12, "A0 and A1 busy 4 ms of 20");
        assertEquals(1.0, r.metric(Evaluator.CANCELLED));
        assertEquals(RunControl.Phase.CANCELLED, control.phase());
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"state\": \"cancelled\""), config);
        assertTrue(config.contains("\"atNs\": 20000000"), config);
        assertTrue(Files.isDirectory(out), "a cancelled run publishes its files");
    }

    @Test
    void pauseAndResumeGiveTheSameRunAsNoPause(@TempDir Path dir) throws Exception {
        tenMs(40 * MS);
        RunControl[] current = new RunControl[1];
        lab.policy(first(() -> {
            if (current[0] != null) {
                current[0].pause();
            }
        }));
        RunResult plain = run(null, dir.resolve("plain"), Map.of());
        Recording plainRec = lab.recorder.last();
        RunControl control = new RunControl();
        current[0] = control;
        CompletableFuture<RunResult> paused = CompletableFuture.supplyAsync(() -> run(control, dir.resolve("paused"),
                Map.of()));
        await("the pause", () -> control.phase() == RunControl.Phase.PAUSED);
        Thread.sleep(50);
        assertFalse(paused.isDone());
        RunControl.Progress p = control.progress();
        assertEquals(20 * MS, p.simulatedNs(), "paused before the 22 ms step");
        assertEquals(3, p.released());
        assertEquals(2, p.onTime());
        assertEquals("first", p.scheduler());
        control.resume();
        RunResult resumed = paused.get(10, TimeUnit.SECONDS);
        Recording rec = lab.recorder.last();
        assertEquals(plain, resumed);
        assertEquals(plainRec.order, rec.order);
        assertArrayEquals(Files.readAllBytes(dir.resolve("plain/config.json")),
                Files.readAllBytes(dir.resolve("paused/config.json")));
        assertEquals(RunControl.Phase.COMPLETED, control.phase());
    }

    @Test
    void pacedRunTakesAtLeastItsSimulatedTimeAndDoesNotRaceAfterAPause() throws Exception {
        tenMs(200 * MS);
        RunControl[] current = new RunControl[1];
        lab.policy(first(() -> {
            if (current[0] != null) {
                current[0].pause();
            }
        }));
        RunControl control = new RunControl();
        control.pace(1.0);
        long t0 = System.nanoTime();
        run(control, null, Map.of());
        long wall = System.nanoTime() - t0;
        assertTrue(wall >= 199 * MS, "200 ms at pace 1x took " + wall / 1e6 + " ms wall"); // lower bound only
        System.out.printf("pace 1x: 200 ms simulated took %.1f ms wall%n", wall / 1e6);

        RunControl pausing = new RunControl();
        pausing.pace(1.0);
        current[0] = pausing;
        CompletableFuture<RunResult> f = CompletableFuture.supplyAsync(() -> run(pausing, null, Map.of()));
        await("the pause", () -> pausing.phase() == RunControl.Phase.PAUSED);
        Thread.sleep(200);
        long resumed = System.nanoTime();
        pausing.resume();
        f.get(10, TimeUnit.SECONDS);
        long after = System.nanoTime() - resumed;
        // paused at 22 ms simulated: the remaining 178 ms take their wall time after the resume, they do not race
        assertTrue(after >= 170 * MS, "after the resume: " + after / 1e6 + " ms wall");
        System.out.printf("pace 1x, paused at 20 ms for 200 ms wall: the remaining 180 ms took %.1f ms wall after the"
                + " resume%n", after / 1e6);
    }

    @Test
    void runWaitsForItsSchedulerToReturnAndSwapsToTheNewVersion() throws Exception {
        tenMs(40 * MS);
        RunControl control = new RunControl();
        SchedulerPolicy[] self = new SchedulerPolicy[1];
        self[0] = first(() -> {
            lab.catalog.remove(self[0]); // the bundle goes away mid-run
            control.schedulerGone();
        });
        lab.policy(self[0]);
        CompletableFuture<RunResult> f = CompletableFuture.supplyAsync(() -> run(control, null,
                Map.of("engine.window", "10ms", "a", "x")));
        await("waiting", () -> control.phase() == RunControl.Phase.WAITING_FOR_SCHEDULER);
        assertEquals("waiting for scheduler first", control.message());
        SchedulerPolicy v2 = Policies.of("first", Policies::fifoDecide);
        lab.catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, "first", "", "test", "2", v2));
        control.schedulerGone(); // what the service does on every catalog change
        RunResult r = f.get(10, TimeUnit.SECONDS);
        assertEquals(new FrameCounts(4, 4, 0, 0, 0), r.frames());
        assertEquals(List.of(new SchedulerSwap(22 * MS, "first", "test", "0", "first", "test", "2",
                Map.of("a", "x"))), control.swaps(), "the returning scheduler gets the run's scheduler properties");
        assertEquals(RunControl.Phase.COMPLETED, control.phase());
    }

    @Test
    void runFailsCleanlyWhenItsSchedulerDoesNotReturnInTime() throws Exception {
        tenMs(40 * MS);
        RunControl control = new RunControl();
        control.schedulerTimeout(TimeUnit.MILLISECONDS.toNanos(100));
        SchedulerPolicy[] self = new SchedulerPolicy[1];
        self[0] = first(() -> {
            lab.catalog.remove(self[0]);
            control.schedulerGone();
        });
        lab.policy(self[0]);
        RunResult r = run(control, null, Map.of());
        Invariants.check(lab.recorder.last(), r);
        assertEquals(RunControl.Phase.FAILED, control.phase());
        assertTrue(control.message().contains("scheduler first did not return within 0.1 s"), control.message());
        assertEquals(new FrameCounts(3, 2, 0, 0, 1), r.frames(), "measured up to 20 ms kept");
        assertEquals(1.0, r.metric(Evaluator.FAILED));
    }

    @Test
    void compatibilityRunsRefusePaceAndSwap() {
        RunControl control = new RunControl();
        control.pace(2);
        tenMs(40 * MS);
        lab.policy(first(() -> { }));
        Consumer<String> none = w -> { };
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lab.evaluator.run(
                Lab.config("a10", "one", "first", 1, 0, true, Map.of()), null, none, control));
        assertTrue(e.getMessage().contains("compatibility"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new RunControl().pace(-1));
    }
}
