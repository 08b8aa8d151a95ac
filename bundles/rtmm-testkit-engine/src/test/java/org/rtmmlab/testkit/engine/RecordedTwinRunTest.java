package org.rtmmlab.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.testkit.ContractScenarioProvider;
import org.rtmmlab.testkit.ContractScenarios;
import org.rtmmlab.testkit.FixedLatencyModel;

/**
 * {@link RecordedTwinRun} on the testkit's hand-built scenarios: equal twins pass and the counts say what the run
 * went through (shares and restarts applied by the engine); a twin that picks another job, one that asks for an extra
 * wake-up, and one that reports other metrics each fail, naming the decision point with both lines.
 */
class RecordedTwinRunTest {

    private static final long RUN_NS = 100 * ContractScenarios.MS;
    private static final WholeModelFifoPolicy FIFO = new WholeModelFifoPolicy();

    private static RecordedTwinRun twin(Function<SchedulerContext, Scheduler> checked,
                                        Function<SchedulerContext, Scheduler> reference, String scenario,
                                        String platform) {
        return RecordedTwinRun.of(FIFO, checked, reference, scenario, platform, RUN_NS)
                .withPlugin(new FixedLatencyModel()).withPlugin(new ContractScenarioProvider());
    }

    /** Ready jobs from the last of the view to the first, whole remaining model on the accelerator if idle. */
    private static Scheduler lastFirst(SchedulerContext c) {
        return (view, decisions) -> {
            for (int j = view.jobCount() - 1; j >= 0; j--) {
                if (view.ready(j) && view.idle(0)) {
                    decisions.dispatch(j, 0, view.layerCount(j) - view.nextLayer(j));
                }
            }
        };
    }

    /** Ready jobs in view order, whole remaining model on half of the accelerator while half is free. */
    private static Scheduler halves(SchedulerContext c) {
        return (view, decisions) -> {
            for (int j = 0; j < view.jobCount(); j++) {
                if (view.ready(j) && view.freeShare(0) >= 0.5) {
                    decisions.dispatch(j, 0, view.layerCount(j) - view.nextLayer(j), 0.5);
                }
            }
        };
    }

    /** One layer at a time in view order; a waiting started job is killed back to layer 0 once. */
    private static Scheduler killingOnce(SchedulerContext c) {
        Set<Long> killed = new HashSet<>();
        return (view, decisions) -> {
            for (int j = 0; j < view.jobCount(); j++) {
                if (view.ready(j) && view.runningOn(j) < 0 && view.nextLayer(j) > 0 && killed.add(view.jobId(j))) {
                    decisions.restart(j);
                }
            }
            for (int j = 0; j < view.jobCount(); j++) {
                if (view.ready(j) && view.idle(0)) {
                    decisions.dispatch(j, 0, 1);
                }
            }
        };
    }

    @Test
    void equalTwinsPassAndCountTheRun() {
        RecordedTwinRun.Counts fifo = twin(FIFO::create, FIFO::create, ContractScenarios.OVERLOAD,
                ContractScenarios.ONE).run();
        assertTrue(fifo.decisions() > 10 && fifo.dispatches() > 5 && fifo.maxJobs() >= 2, fifo.toString());
        assertEquals(0, fifo.shareDispatches() + fifo.restarts() + fifo.selections(), fifo.toString());

        RecordedTwinRun.Counts shares = twin(RecordedTwinRunTest::halves, RecordedTwinRunTest::halves,
                ContractScenarios.SHARED, ContractScenarios.FISSION).run();
        assertTrue(shares.shareDispatches() > 10, shares.toString());
        assertEquals(shares.dispatches(), shares.shareDispatches(), shares.toString());

        RecordedTwinRun.Counts kills = twin(RecordedTwinRunTest::killingOnce, RecordedTwinRunTest::killingOnce,
                ContractScenarios.OVERLOAD, ContractScenarios.ONE).run();
        assertTrue(kills.restarts() > 0, kills.toString());
    }

    @Test
    void anotherJobOrderFailsAtTheFirstPointWhereItMatters() { // two tasks released together on one accelerator
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> twin(FIFO::create,
                RecordedTwinRunTest::lastFirst, ContractScenarios.PAIR, ContractScenarios.ONE).run());
        assertTrue(e.getMessage().startsWith(ContractScenarios.PAIR + " on " + ContractScenarios.ONE)
                && e.getMessage().contains(": decision point "), e.getMessage());
        String want = (String) e.getExpected().getValue();
        String got = (String) e.getActual().getValue();
        assertNotEquals(want, got);
        // the same view (time and job count) with another dispatch
        assertEquals(want.substring(0, want.indexOf(':')), got.substring(0, got.indexOf(':')), e.getMessage());
        assertTrue(want.contains(" dispatch ") && got.contains(" dispatch "), e.getMessage());
    }

    @Test
    void anExtraWakeUpFails() {
        Function<SchedulerContext, Scheduler> waking = c -> {
            Scheduler fifo = FIFO.create(c);
            int[] calls = new int[1];
            return (view, decisions) -> {
                fifo.decide(view, decisions);
                if (++calls[0] == 7) {
                    decisions.wakeAt(view.now() + 1);
                }
            };
        };
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> twin(waking, FIFO::create,
                ContractScenarios.OVERLOAD, ContractScenarios.ONE).run());
        assertTrue(e.getMessage().contains("decision point 6 differs"), e.getMessage());
        String got = (String) e.getActual().getValue();
        assertTrue(got.endsWith(" wake " + (Long.parseLong(got.split(" ")[0]) + 1)), e.getMessage());
    }

    @Test
    void otherMetricsAtTheEndFail() {
        Function<SchedulerContext, Scheduler> reporting = c -> {
            Scheduler fifo = FIFO.create(c);
            return new Scheduler() {
                @Override
                public void decide(SchedulerView view, Decisions decisions) {
                    fifo.decide(view, decisions);
                }

                @Override
                public Map<String, Double> metrics() {
                    return Map.of(FIFO.id() + ".x", 1.0);
                }
            };
        };
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> twin(reporting, FIFO::create,
                ContractScenarios.OVERLOAD, ContractScenarios.ONE).run());
        assertTrue(e.getMessage().startsWith("scheduler metrics"), e.getMessage());
    }
}
