package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.engine.support.Policies;

/** The call count the watchdog reads: odd inside a scheduler call, nested calls counted once; its call timer. */
class GuardedPolicyTest {

    private static final long NOW_NS = 42;

    private static SchedulerView viewAt(long nowNs) {
        return (SchedulerView) Proxy.newProxyInstance(SchedulerView.class.getClassLoader(),
                new Class<?>[] {SchedulerView.class}, (p, m, args) -> {
                    if (m.getName().equals("now")) {
                        return nowNs;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void theCountIsOddInsideACallAndAnObserveInsideDecideDoesNotEndIt() {
        List<Long> seen = new ArrayList<>();
        AtomicReference<GuardedPolicy> guard = new AtomicReference<>();
        AtomicReference<Scheduler> guarded = new AtomicReference<>();
        guard.set(new GuardedPolicy(Policies.of("p", ctx -> new Scheduler() {
            @Override
            public void decide(SchedulerView view, Decisions decisions) {
                seen.add(guard.get().calls());
                guarded.get().observe(null); // as when a drop decided here ends a request
                seen.add(guard.get().calls());
            }

            @Override
            public void observe(RequestRecord record) {
                seen.add(guard.get().calls());
            }
        })));
        GuardedPolicy g = guard.get();
        guarded.set(g.create(null));
        assertEquals(0, g.calls());
        guarded.get().decide(viewAt(NOW_NS), null);
        assertEquals(List.of(1L, 1L, 1L), seen, "one call in progress throughout decide");
        assertEquals(2, g.calls(), "outside again");
        assertEquals(NOW_NS, g.simulatedNs());
        guarded.get().observe(null);
        assertEquals(List.of(1L, 1L, 1L, 3L), seen, "the next call has another odd count");
        assertEquals(4, g.calls());
    }

    @Test
    void aCallIsTimedFromTheFirstPollThatSeesIt() {
        RunWatchdog.CallTimer timer = new RunWatchdog.CallTimer();
        assertEquals(0, timer.runningFor(2, 1_000), "no call runs");
        assertEquals(0, timer.runningFor(3, 2_000), "first seen now");
        assertEquals(500, timer.runningFor(3, 2_500), "the same call, still running");
        assertEquals(0, timer.runningFor(4, 3_000), "it returned");
        assertEquals(0, timer.runningFor(5, 3_100), "a new call starts its own clock");
        assertEquals(900, timer.runningFor(5, 4_000));
        assertEquals(0, timer.runningFor(7, 4_020), "another call between two polls: a new clock");
    }
}
