package org.rtmmlab.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;

/**
 * The scheduler contract fails deliberately broken policies, each on the check its fault breaks: dispatching onto a
 * busy accelerator, abandoning started frames, deciding differently on a second identical run, hanging, throwing.
 * (The API-only kit's own tests cover the record-stream checks; this is the end-to-end self-test through the engine.)
 */
class ContractCatchesBrokenPoliciesTest {

    /** A policy whose every run uses {@code decide}. */
    private static SchedulerPolicy policy(String id, BiConsumer<SchedulerView, Decisions> decide) {
        return new SchedulerPolicy() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "deliberately broken: " + id;
            }

            @Override
            public Scheduler create(SchedulerContext context) {
                return decide::accept;
            }
        };
    }

    /** The contract for one broken policy. */
    private static SchedulerPolicyContract contract(SchedulerPolicy p, Duration limit) {
        return new SchedulerPolicyContract() {
            @Override
            protected SchedulerPolicy policy() {
                return p;
            }

            @Override
            protected Duration wallClockLimit() {
                return limit;
            }
        };
    }

    private static SchedulerPolicyContract contract(SchedulerPolicy p) {
        return contract(p, Duration.ofSeconds(60));
    }

    @Test
    void dispatchingOntoABusyAcceleratorFailsTheRun() {
        SchedulerPolicy busy = policy("busy-dispatcher", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j)) {
                    d.dispatch(j, 0, 1); // ignores whether accelerator 0 is idle
                }
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> contract(busy).twoTasksOnTwoAcceleratorsFinishEveryFrameOnTime());
        assertTrue(e.getMessage().contains("the run failed because of the policy") && e.getMessage().contains("busy"),
                e.getMessage());
    }

    @Test
    void aPolicyThatNeverResumesAStartedFrameFailsTheHandComputedCounts() {
        SchedulerPolicy abandon = policy("never-resumes", (v, d) -> {
            for (int j = 0; j < v.jobCount(); j++) {
                if (v.ready(j) && v.nextLayer(j) == 0 && v.idle(0)) {
                    d.dispatch(j, 0, 1);
                    return;
                }
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> contract(abandon).oneTaskOnOneAcceleratorFinishesEveryFrameOnTime());
        assertTrue(e.getMessage().contains("one 3 ms task every 10 ms"), e.getMessage());
    }

    @Test
    void aPolicyThatDecidesDifferentlyOnTheSameSeedFailsDeterminism() {
        AtomicInteger runs = new AtomicInteger();
        SchedulerPolicy flaky = new SchedulerPolicy() {
            @Override
            public String id() {
                return "run-counting";
            }

            @Override
            public String description() {
                return "deliberately broken: prefers another accelerator on every other run";
            }

            @Override
            public Scheduler create(SchedulerContext context) {
                int first = runs.getAndIncrement() % 2; // state shared across runs: not a function of the seed
                return (v, d) -> {
                    for (int j = 0; j < v.jobCount(); j++) {
                        for (int i = 0; i < v.acceleratorCount() && v.ready(j); i++) {
                            int a = (first + i) % v.acceleratorCount();
                            if (v.idle(a)) {
                                d.dispatch(j, a, v.layerCount(j) - v.nextLayer(j));
                                break;
                            }
                        }
                    }
                };
            }
        };
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> contract(flaky).twoTasksOnTwoAcceleratorsFinishEveryFrameOnTime());
        assertTrue(e.getMessage().contains("differs between two runs with the same seed"), e.getMessage());
    }

    @Test
    void aPolicyThatHangsIsStoppedByTheWallClockGuard() {
        SchedulerPolicy hangs = policy("hangs", (v, d) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> contract(hangs, Duration.ofMillis(500)).oneTaskOnOneAcceleratorFinishesEveryFrameOnTime());
        assertTrue(e.getMessage().contains("did not finish within the wall-clock limit"), e.getMessage());
    }

    @Test
    void aPolicyThatThrowsFailsTheRunWithItsMessage() {
        SchedulerPolicy throwing = policy("throws", (v, d) -> {
            throw new IllegalStateException("no idea what to do");
        });
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> contract(throwing).cascadeRunsAfterItsUpstreamAndFinishesOnTime());
        assertTrue(e.getMessage().contains("no idea what to do"), e.getMessage());
    }

    /** Public, with a public no-argument constructor, but listed in no META-INF/services file. */
    public static final class Unregistered implements SchedulerPolicy {
        /** For ServiceLoader (which will not find it). */
        public Unregistered() {
        }

        @Override
        public String id() {
            return "unregistered";
        }

        @Override
        public String description() {
            return "a policy the command line cannot find";
        }

        @Override
        public Scheduler create(SchedulerContext context) {
            return (view, decisions) -> { };
        }
    }

    @Test
    void aPolicyWithoutServiceLoaderRegistrationFailsIdentification() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> contract(new Unregistered()).identifiesItselfAndLoadsWithoutOsgi());
        assertTrue(e.getMessage().contains("is not registered for java.util.ServiceLoader"), e.getMessage());
    }

    @Test
    void aCorrectPolicyPassesTheSameChecks() {
        SchedulerPolicyContract good = contract(new WholeModelFifoPolicy());
        good.oneTaskOnOneAcceleratorFinishesEveryFrameOnTime();
        good.twoTasksOnTwoAcceleratorsFinishEveryFrameOnTime();
        good.cascadeRunsAfterItsUpstreamAndFinishesOnTime();
        good.identifiesItselfAndLoadsWithoutOsgi();
    }
}
