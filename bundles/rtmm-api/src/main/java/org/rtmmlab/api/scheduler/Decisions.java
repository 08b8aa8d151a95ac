package org.rtmmlab.api.scheduler;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sink for a scheduler's decisions, owned by the engine. Decisions apply in call order; each is validated and an
 * invalid one (busy accelerator, unknown job, layer count out of range, share that does not fit, variant change
 * after the first layer) fails the run with a message naming the policy. Job and accelerator arguments are indices
 * of the current {@link SchedulerView}.
 */
@ProviderType
public interface Decisions {

    /**
     * Runs the next {@code layers} layers of job {@code job} as one block on the whole of accelerator
     * {@code accelerator}, starting now.
     */
    default void dispatch(int job, int accelerator, int layers) {
        dispatch(job, accelerator, layers, 1.0);
    }

    /**
     * Runs the next {@code layers} layers of job {@code job} as one block on a spatial share of an accelerator.
     *
     * @param share fraction of the accelerator in (0, 1]; must fit in its free share and its partition count
     */
    void dispatch(int job, int accelerator, int layers, double share);

    /** Drops job {@code job} (it must be waiting); its cascaded dependents of the same frame are dropped too. */
    void drop(int job);

    /** Selects the variant of job {@code job}; allowed only before its first layer runs. */
    void selectVariant(int job, int variant);

    /**
     * Kills job {@code job}'s progress (PREMA's "kill" preemption): it restarts at layer 0; energy already spent is
     * kept. The job must be waiting.
     */
    void restart(int job);

    /** Asks to be called again at {@code timeNs} (&gt; now) with reason {@link DecisionReason#TIMER}. */
    void wakeAt(long timeNs);
}
