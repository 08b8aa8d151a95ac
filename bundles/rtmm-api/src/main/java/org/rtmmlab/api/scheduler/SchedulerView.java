package org.rtmmlab.api.scheduler;

import org.osgi.annotation.versioning.ProviderType;
import org.rtmmlab.api.workload.Task;

/**
 * Read-only state of a running evaluation at a decision point. Jobs (released, unfinished requests) are indexed
 * {@code 0 .. jobCount()-1} in release order; indices are valid only during one
 * {@link Scheduler#decide(SchedulerView, Decisions)} call, {@link #jobId(int)} is stable for the whole run.
 * Times in nanoseconds since the start of the run.
 */
@ProviderType
public interface SchedulerView extends CostView {

    /** @return current simulated time, ns */
    long now();

    /** @return bit set of {@link DecisionReason#bit()} for why the scheduler is called now */
    int reasons();

    /** @return true if {@code reason} is among {@link #reasons()} */
    default boolean has(DecisionReason reason) {
        return (reasons() & reason.bit()) != 0;
    }

    /** @return number of tasks in the scenario */
    int taskCount();

    /** @return task {@code t} as currently configured (period and probability may change with events) */
    Task task(int t);

    /** @return number of jobs (released requests not yet finished or dropped) */
    int jobCount();

    /** @return run-unique id of job {@code j} (the request id used in records) */
    long jobId(int j);

    /** @return task index of job {@code j} */
    int jobTask(int j);

    /** @return model index of job {@code j} */
    int jobModel(int j);

    /** @return variant index of job {@code j} (0 until a scheduler selects another before its first layer) */
    int jobVariant(int j);

    /** @return frame number of job {@code j} (0-based per task) */
    long jobFrame(int j);

    /** @return priority of job {@code j}'s task (higher = more important) */
    int jobPriority(int j);

    /** @return release time of job {@code j}, ns */
    long arrivalNs(int j);

    /** @return absolute deadline of job {@code j}, ns */
    long deadlineNs(int j);

    /** @return index of the next layer job {@code j} will run (0 = not started) */
    int nextLayer(int j);

    /** @return total number of layers of job {@code j}'s variant */
    int layerCount(int j);

    /** @return end time of job {@code j}'s last executed block, or its arrival if it never ran, ns */
    long lastRunEndNs(int j);

    /** @return accelerator index job {@code j} last ran on, or -1 if it never ran */
    int lastAccelerator(int j);

    /** @return accelerator index job {@code j} is executing a block on now, or -1 if it is waiting */
    int runningOn(int j);

    /**
     * @return true if job {@code j} may be dispatched now: it is waiting (not running a block) and every
     * dependency the engine enforces is met
     */
    boolean ready(int j);

    /** @return true if accelerator {@code a} runs nothing now */
    boolean idle(int a);

    /** @return fraction of accelerator {@code a} not used by running blocks, in [0, 1] */
    double freeShare(int a);

    /** @return time at which accelerator {@code a} finishes all its running blocks ({@link #now()} if idle), ns */
    long busyUntilNs(int a);

    /** @return seed of this run's scheduler random stream (use it for any randomised choice) */
    long seed();
}
