package org.rtmmlab.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;

/**
 * Issue 17, item 2 (container side): an evaluation whose scheduler loops forever in {@code decide()} fails after
 * {@code engine.decisionTimeout} with a status naming the plugin, the run and the time; the service stays
 * responsive and runs the next evaluation.
 */
class EvaluationWatchdogTest {

    private static volatile boolean release;

    @TempDir
    Path data;
    private EvaluationServiceImpl service;

    /** Spins in decide() from 10 ms on, ignoring interrupts. */
    static final class Spinning implements SchedulerPolicy {
        @Override
        public String id() {
            return "test-spinning";
        }

        @Override
        public String description() {
            return "loops forever in decide()";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            return (view, decisions) -> {
                while (view.now() >= 10_000_000L && !release) {
                    Thread.onSpinWait();
                }
            };
        }
    }

    @BeforeEach
    void start() {
        release = false;
        DefaultPluginCatalog catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), p -> { });
        Spinning spinning = new Spinning();
        catalog.add(new PluginDescriptor(PluginKind.SCHEDULER, spinning.id(), spinning.description(), "test", "0",
                spinning));
        service = new EvaluationServiceImpl(catalog, data, Map.of("workers", "1"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release = true;
        service.deactivate();
        Thread.sleep(50); // the abandoned thread sees the release before the next test sets it back
    }

    private static EvaluationRequest run(String scheduler) {
        return new EvaluationRequest(List.of("xrbench/VR_gaming"), List.of("xrbench/Dual_4K__WS_OS"),
                List.of(scheduler), List.of(1L), 100_000_000L, false, Map.of("engine.decisionTimeout", "300ms"),
                List.of("json"), 0, null);
    }

    private EvaluationStatus await(String id) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            EvaluationStatus s = service.status(id).orElseThrow();
            if (s.state().isFinal()) {
                return s;
            }
            assertTrue(System.nanoTime() < end, "timed out; status " + s);
            Thread.sleep(10);
        }
    }

    @Test
    void aHangingSchedulerFailsItsEvaluationAndTheServiceGoesOn() throws Exception {
        EvaluationStatus stuck = await(service.submit(run("test-spinning")).id());
        assertEquals(EvaluationState.FAILED, stuck.state(), stuck.message());
        assertTrue(stuck.message().contains("scheduler policy 'test-spinning': a scheduler call did not return within "
                + "300 ms (engine.decisionTimeout) at simulated t="), stuck.message());
        assertTrue(stuck.message().contains("abandoned"), stuck.message());
        EvaluationStatus next = await(service.submit(run("fcfs")).id()); // the only worker is free again
        assertEquals(EvaluationState.FINISHED, next.state(), next.message());
    }

    @Test
    void aStuckEvaluationCanBeCancelledItsThreadIsAbandonedAndReported() throws Exception {
        // no decision timeout: before, only a restart of the container ended this evaluation and freed its worker
        EvaluationRequest untimed = new EvaluationRequest(List.of("xrbench/VR_gaming"),
                List.of("xrbench/Dual_4K__WS_OS"), List.of("test-spinning"), List.of(1L), 100_000_000L, false,
                Map.of("engine.decisionTimeout", "off"), List.of("json"), 0, null);
        String id = service.submit(untimed).id();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (service.status(id).orElseThrow().state() != EvaluationState.RUNNING) {
            assertTrue(System.nanoTime() < end, "did not start: " + service.status(id).orElseThrow());
            Thread.sleep(10);
        }
        Thread.sleep(200); // in decide() at 10 ms by now, spinning
        assertEquals(EvaluationState.RUNNING, service.status(id).orElseThrow().state());
        service.cancel(id); // what rtmm:cancel ID calls
        EvaluationStatus s = await(id);
        assertEquals(EvaluationState.CANCELLED, s.state(), s.message());
        assertTrue(s.message().contains("scheduler policy 'test-spinning': cancelled, but the run test-spinning on "
                + "xrbench/VR_gaming / xrbench/Dual_4K__WS_OS, seed 1 did not stop within 2 s: a scheduler call has "
                + "not returned (simulated t=1"), s.message());
        assertTrue(s.message().endsWith("; its thread 'rtmm-run test-spinning on xrbench/VR_gaming / "
                + "xrbench/Dual_4K__WS_OS, seed 1' did not stop and was abandoned"), s.message());
        EvaluationStatus next = await(service.submit(run("fcfs")).id()); // the only worker is free again
        assertEquals(EvaluationState.FINISHED, next.state(), next.message());
    }

    @Test
    void aSchedulerSwappedInDuringTheRunIsTimedToo() throws Exception {
        // paced (0.5 simulated s per wall s) so it is still running when the swap arrives
        EvaluationRequest paced = new EvaluationRequest(List.of("xrbench/VR_gaming"), List.of("xrbench/Dual_4K__WS_OS"),
                List.of("fcfs"), List.of(1L), 5_000_000_000L, false, Map.of("engine.decisionTimeout", "300ms"),
                List.of("json"), 0.5, null);
        String id = service.submit(paced).id();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (service.status(id).orElseThrow().simulatedNs() < 20_000_000L) {
            assertTrue(System.nanoTime() < end, "did not start: " + service.status(id).orElseThrow());
            Thread.sleep(10);
        }
        service.swap(id, "test-spinning", Map.of());
        EvaluationStatus s = await(id);
        assertEquals(EvaluationState.FAILED, s.state(), s.message());
        assertTrue(s.message().contains("scheduler policy 'test-spinning': a scheduler call did not return within "
                + "300 ms (engine.decisionTimeout)"), s.message());
        assertEquals("test-spinning", s.swaps().get(0).toScheduler());
        EvaluationStatus next = await(service.submit(run("fcfs")).id()); // the only worker is free again
        assertEquals(EvaluationState.FINISHED, next.state(), next.message());
    }
}
