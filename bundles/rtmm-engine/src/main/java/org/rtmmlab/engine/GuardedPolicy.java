package org.rtmmlab.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * ({@code decide}, {@code observe}, {@code metrics}) is counted in and out, so the watchdog, which reads the count
 * every few milliseconds and keeps the clock itself, can tell how long the current call has run; the guard refuses
 * to go on once the watchdog has stopped the run. A scheduler that runs out of memory or stack fails its run with a
 * {@link SchedulingException} instead of taking the process down. Per call: two release stores (plain stores on
 * x86, no fence), one volatile read, no clock read, no allocation.
 */
final class GuardedPolicy implements SchedulerPolicy, SchedulerGuard {

    private static final VarHandle CALLS;
    private static final VarHandle SIMULATED_NS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            CALLS = l.findVarHandle(GuardedPolicy.class, "calls", long.class);
            SIMULATED_NS = l.findVarHandle(GuardedPolicy.class, "simulatedNs", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SchedulerPolicy policy;
    /**
     * Twice the scheduler calls begun, plus one while a call runs (odd: inside a call). Written only by the run's
     * thread (release stores through {@link #CALLS}), read by the watchdog's.
     */
    private long calls;
    /** Scheduler calls in progress on the run's thread (nested calls counted), run's thread only. */
    private int depth;
    /** Simulated time of the last decision point, ns (release stores through {@link #SIMULATED_NS}). */
    private long simulatedNs;
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

    /**
     * @return the call count: odd while a scheduler call runs; the same odd value on two readings means the same
     * call is still running
     */
    long calls() {
        return (long) CALLS.getAcquire(this);
    }

    /** @return simulated time of the last decision point, ns */
    long simulatedNs() {
        return (long) SIMULATED_NS.getAcquire(this);
    }

    /** Makes every later scheduler call fail with {@code reason}: the run's thread stops at its next call. */
    void stop(String reason) {
        stopped = reason;
    }

    private void enter() {
        checkStopped();
        in();
    }

    /**
     * A scheduler call begins (run's thread only: the plain read of {@code calls} is its own last write). Calls nest
     * (a drop decided in {@code decide} reaches the scheduler's {@code observe}): only the outermost one counts.
     */
    private void in() {
        if (depth++ == 0) {
            CALLS.setRelease(this, calls + 1);
        }
    }

    /** The scheduler call ends. */
    private void out() {
        if (--depth == 0) {
            CALLS.setRelease(this, calls + 1);
        }
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
            SIMULATED_NS.setRelease(GuardedPolicy.this, view.now());
            enter();
            try {
                scheduler.decide(view, decisions);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw resources("decide()", e);
            } finally {
                out();
            }
            checkStopped(); // a stop requested during the call ends the run before its decisions apply
        }

        @Override
        public void observe(RequestRecord record) {
            in(); // a stop is noticed at the next decide()
            try {
                scheduler.observe(record);
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw resources("observe()", e);
            } finally {
                out();
            }
        }

        @Override
        public Map<String, Double> metrics() {
            in();
            try {
                return scheduler.metrics();
            } catch (OutOfMemoryError | StackOverflowError e) {
                throw resources("metrics()", e);
            } finally {
                out();
            }
        }
    }
}
