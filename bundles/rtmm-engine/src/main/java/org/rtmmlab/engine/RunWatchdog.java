package org.rtmmlab.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.rtmmlab.api.run.RunConfig;

/**
 * Runs a simulation on a thread of its own and watches it from the caller's: a scheduler call that takes longer than
 * {@link RunLimits#decisionTimeoutNs()}, or a simulation that takes longer than {@link RunLimits#runTimeoutNs()},
 * fails the run with a {@link SchedulingException} naming the policy, the run and the time. The run's thread is asked
 * to stop (its next scheduler call throws, and it is interrupted); if it does not end within a short grace period
 * (a {@code decide()} that loops forever) it is abandoned: it is a daemon thread, holds no lock of the lab and writes
 * only into the run's staging folder, which the failed run removes; the message says so. The caller is free at once.
 *
 * <p>A steered run (the container's) is always watched on a thread of its own, timeouts or not: when it is cancelled
 * ({@link RunControl#cancel()}) and has not ended {@link #CANCEL_GRACE_MS} later (its scheduler is stuck in a call and
 * never reaches the next time step, where a cancel takes effect), it is stopped and abandoned the same way, so that a
 * stuck evaluation can always be cancelled and its worker is free again.
 */
final class RunWatchdog {

    /** How often the watchdog looks at the run, ms. */
    private static final long POLL_MS = 20;
    /** How long a stopped run's thread gets to end before it is abandoned, ms. */
    private static final long GRACE_MS = 200;
    /** How long a cancelled run may take to reach its next time step before it is stopped and abandoned, ms. */
    static final long CANCEL_GRACE_MS = 2_000;

    private RunWatchdog() {
    }

    /**
     * @param body  the simulation
     * @param guard the run's scheduler policy, guarded (the watchdog reads its call times)
     * @return what {@code body} returns
     * @throws SchedulingException if a limit is exceeded, or the caller is interrupted
     */
    static <T> T run(Supplier<T> body, GuardedPolicy guard, RunLimits limits, RunConfig run) {
        return run(body, guard, limits, run, null);
    }

    /**
     * @param cancelled whether the run was cancelled (a steered run's {@link RunControl#cancelRequested()}), or null
     * @see #run(Supplier, GuardedPolicy, RunLimits, RunConfig)
     */
    static <T> T run(Supplier<T> body, GuardedPolicy guard, RunLimits limits, RunConfig run,
                     java.util.function.BooleanSupplier cancelled) {
        if (limits.decisionTimeoutNs() == 0 && limits.runTimeoutNs() == 0 && cancelled == null) {
            return body.get();
        }
        long cancelSeen = 0;
        FutureTask<T> task = new FutureTask<>(body::get);
        Thread worker = new Thread(task, "rtmm-run " + describe(run));
        worker.setDaemon(true);
        long start = System.nanoTime();
        CallTimer call = new CallTimer();
        worker.start();
        while (true) {
            try {
                return task.get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                String reason = overrun(guard, limits, now - start, call.runningFor(guard.calls(), now), run);
                if (reason == null && cancelled != null && cancelled.getAsBoolean()) {
                    cancelSeen = cancelSeen == 0 ? now : cancelSeen;
                    if (now - cancelSeen > TimeUnit.MILLISECONDS.toNanos(CANCEL_GRACE_MS)) {
                        reason = "cancelled, but the run " + describe(run) + " did not stop within "
                                + RunLimits.human(TimeUnit.MILLISECONDS.toNanos(CANCEL_GRACE_MS))
                                + ((guard.calls() & 1) != 0 ? ": a scheduler call has not returned" : "")
                                + " (simulated t=" + RunLimits.human(guard.simulatedNs()) + ")";
                    }
                }
                if (reason != null) {
                    throw stop(task, worker, guard, reason);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stop(task, worker, guard, "the run " + describe(run) + " was interrupted");
            }
        }
    }

    /**
     * The watchdog's clock of the scheduler call in progress: the guard only counts calls (no clock read on the
     * run's thread), so a call is timed from the first poll that sees it running; it has run at least that long
     * (a timeout is noticed at most one poll, {@value #POLL_MS} ms, later than a clock read at its start would).
     */
    static final class CallTimer {
        private long seen = -2;
        private long seenAtNs;

        /**
         * @param calls the guard's call count now ({@link GuardedPolicy#calls()})
         * @param nowNs the watchdog's clock now
         * @return how long the call in progress has been seen running, ns; 0 when none runs
         */
        long runningFor(long calls, long nowNs) {
            if ((calls & 1) == 0) {
                return 0;
            }
            if (calls != seen) {
                seen = calls;
                seenAtNs = nowNs;
            }
            return nowNs - seenAtNs;
        }
    }

    /**
     * @param runNs  wall time the run has taken so far
     * @param callNs wall time the scheduler call in progress has run ({@link CallTimer}), 0 when none runs
     * @return why the run must stop now, or null
     */
    static String overrun(GuardedPolicy guard, RunLimits limits, long runNs, long callNs, RunConfig run) {
        if (limits.decisionTimeoutNs() > 0 && callNs > limits.decisionTimeoutNs()) {
            return "a scheduler call did not return within " + RunLimits.human(limits.decisionTimeoutNs())
                    + " (" + RunLimits.DECISION_TIMEOUT + ") at simulated t=" + RunLimits.human(guard.simulatedNs())
                    + " in run " + describe(run);
        }
        if (limits.runTimeoutNs() > 0 && runNs > limits.runTimeoutNs()) {
            return "the run " + describe(run) + " took longer than " + RunLimits.human(limits.runTimeoutNs())
                    + " of wall time (" + RunLimits.RUN_TIMEOUT + "), stopped at simulated t="
                    + RunLimits.human(guard.simulatedNs());
        }
        return null;
    }

    private static SchedulingException stop(FutureTask<?> task, Thread worker, GuardedPolicy guard, String reason) {
        guard.stop(reason);
        worker.interrupt();
        try {
            task.get(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // expected: the run ends with the guard's exception, or is still stuck
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean stuck = worker.isAlive();
        return new SchedulingException(guard.runningId(), reason + (stuck ? "; its thread '" + worker.getName()
                + "' did not stop and was abandoned" : ""), null);
    }

    /** @return "scheduler on scenario / platform, seed N" */
    static String describe(RunConfig c) {
        return c.scheduler() + " on " + c.scenario() + " / " + c.platform() + ", seed " + c.seed();
    }
}
