package org.rtmmlab.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Owns the container's evaluations. Thread-safe; every method returns at once (evaluations run on the service's
 * worker pool, {@code workers} in ConfigAdmin, default the number of cores). Ids are short, unique for the
 * container's data folder and never reused (e.g. {@code e0007}). Plugins are taken by id through the catalog when an
 * evaluation (or a swap) needs them, so unrelated bundles may come and go.
 *
 * <p>Errors: an unknown id, a bad property, an operation the evaluation's state does not allow (swap a finished
 * evaluation, resume one that is running) throw {@link org.rtmmlab.api.InvalidInputException} with a one-line
 * message; nothing changes then.
 */
@ProviderType
public interface EvaluationService {

    /**
     * Validates and queues an evaluation.
     *
     * @return its status (state {@link EvaluationState#QUEUED} or already {@link EvaluationState#RUNNING})
     * @throws org.rtmmlab.api.InvalidInputException if an id is unknown or an option is invalid (before anything runs)
     */
    EvaluationStatus submit(EvaluationRequest request);

    /** @return every evaluation this container knows (this session's and, from the results index, earlier ones), newest first */
    List<EvaluationStatus> list();

    /** @return the evaluation's current status, if the id is known */
    Optional<EvaluationStatus> status(String id);

    /** Pauses a running evaluation at its next decision point (simulated time stops; the worker stays with it). */
    EvaluationStatus pause(String id);

    /** Resumes a paused evaluation. */
    EvaluationStatus resume(String id);

    /**
     * Cancels a queued, running, paused or waiting evaluation. What it measured so far is kept and published under
     * {@link #resultsDir()}, marked {@link EvaluationState#CANCELLED}.
     */
    EvaluationStatus cancel(String id);

    /**
     * Replaces the scheduler of a running (or paused) single-run evaluation at its next decision point. The engine
     * keeps its queues, in-flight blocks and clock; the new policy's scheduler is created against the same run; the
     * old scheduler's observe history is not transferred. Recorded as a
     * {@link org.rtmmlab.api.run.SchedulerSwap} in every output.
     *
     * @param scheduler  id of the policy to take over
     * @param properties its run properties (checked as for a new run)
     * @return the status; the swap shows in {@link EvaluationStatus#swaps()} once it took effect
     */
    EvaluationStatus swap(String id, String scheduler, Map<String, String> properties);

    /**
     * Calls {@code listener} with the evaluation's status at once, then on every change of state, every swap and at
     * least every metrics window or progress step (at most a few times per wall second), until the evaluation ends
     * (a last call with the final state) or the returned handle is closed. Listener exceptions are ignored.
     */
    AutoCloseable watch(String id, Consumer<EvaluationStatus> listener);

    /** @return the published results, newest first (from the index under {@link #resultsDir()}) */
    List<ResultEntry> results();

    /** @return the folder that holds one sub-folder per finished, failed or cancelled evaluation ({@code data/results}) */
    Path resultsDir();
}
