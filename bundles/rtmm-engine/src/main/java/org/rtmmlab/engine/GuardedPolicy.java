package org.rtmmlab.engine;

import java.util.List;
import java.util.Map;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.scheduler.Decisions;
import org.rtmmlab.api.scheduler.PropertySpec;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.api.scheduler.SchedulerContext;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.api.scheduler.SchedulerView;
import org.rtmmlab.engine.sim.SchedulerGuard;

/**
 * A scheduler policy seen through the run's watchdog ({@link RunWatchdog}): every call into the scheduler
 * ({@code decide}, {@code observe}, {@code metrics}) notes its wall-clock start, so the watchdog can tell how long
 * the current call has run, and refuses to go on once the watchdog has stopped the run. A scheduler that runs out of
 * memory or stack fails its run with a {@link SchedulingException} instead of taking the process down. Per call: two
 * volatile writes and one {@link System#nanoTime()}, no allocation.
 */
final class GuardedPolicy implements SchedulerPolicy, SchedulerGuard {

    private final SchedulerPolicy policy;
    /** Wall-clock start of the scheduler call in progress, ns; 0 when none is. */
    private volatile long callStartNs;
    /** Simulated time of the last decision point, ns. */
    private volatile long simulatedNs;
    /** Why the watchdog stopped the run, or null. */
    private volatile String stopped;
    /** Id of the policy whose scheduler runs now (another one after a swap). */
    private volatile String runningId;

    GuardedPolicy(SchedulerPolicy policy) {
        this.policy = policy;
        this.runningId = policy.id();
    }

    @Override
    public String id() {
        return policy.id();
    }

    @Override
    public String description() {
        return policy.description();
    }

    @Override
    public List<PropertySpec> properties() {
        return policy.properties();
    }

    @Override
    public Map<String, String> defaultProperties() {
        return policy.defaultProperties();
    }

    @Override
    public Scheduler create(SchedulerContext context) {
        Scheduler s = policy.create(context);
        return s == null ? null : new Guarded(s);
    }

    /** A scheduler swapped in during the run: behind this same guard, so the watchdog times its calls too. */
    @Override
    public Scheduler guard(Scheduler scheduler, String policyId) {
        runningId = policyId;
        return new Guarded(scheduler);
    }

    /** @return id of the policy whose scheduler runs now (the run's own, or the one swapped in) */
    String runningId() {
        return runningId;
    }

    /** @return wall-clock start of the scheduler call in progress, ns, or 0 */
    long callStartNs() {
        return callStartNs;
    }

    /** @return simulated time of the last decision point, ns */
    long simulatedNs() {
        return simulatedNs;
    }

    /** Makes every later scheduler call fail with {@code reason}: the run's thread stops at its next call. */
    void stop(String reason) {
        stopped = reason;
    }

    private void enter() {
        checkStopped();
        callStartNs = System.nanoTime();
    }

    private void checkStopped() {
        String why = stopped;
        if (why != null) {
            throw new SchedulingException(runningId, why, null);
        }
    }

    private RuntimeException resources(String call, VirtualMachineError e) {
        String what = e instanceof OutOfMemoryError ? "ran out of memory" : "overflowed its stack";
        return new SchedulingException(runningId, call + " " + what + " at simulated t=" + simulatedNs + " ns", null);
    }

    /** The run's scheduler, behind the guard. */
    private final class Guarded implements Scheduler {
        private final Scheduler scheduler;

        Guarded(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void decide(SchedulerView view, Decisions decisions) {
            simulatedNs = view.now();
            enter();
            try {
                scheduler.decide(view, decisions);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw resources("decide()", e);
            } finally {
                callStartNs = 0;
            }
            checkStopped(); // a stop requested during the call ends the run before its decisions apply
        }

        @Override
        public void observe(RequestRecord record) {
            callStartNs = System.nanoTime(); // a stop is noticed at the next decide()
            try {
                scheduler.observe(record);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw resources("observe()", e);
            } finally {
                callStartNs = 0;
            }
        }

        @Override
        public Map<String, Double> metrics() {
            callStartNs = System.nanoTime();
            try {
                return scheduler.metrics();
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw resources("metrics()", e);
            } finally {
                callStartNs = 0;
            }
        }
    }
}
