package org.rtmmlab.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;

/**
 * An in-memory EvaluationService for the servlet tests: submit records the request (unknown scheduler ids refused
 * as the real one does), pause/resume/cancel follow the state rules of the contract, swap appends a SchedulerSwap.
 */
class FakeEvaluations implements EvaluationService {

    final Map<String, EvaluationStatus> evaluations = new LinkedHashMap<>();
    final List<EvaluationRequest> submitted = new ArrayList<>();
    final List<ResultEntry> results = new ArrayList<>();
    final Path resultsDir;
    private int next = 1;

    FakeEvaluations(Path resultsDir) {
        this.resultsDir = resultsDir;
    }

    @Override
    public synchronized EvaluationStatus submit(EvaluationRequest request) {
        for (String s : request.schedulers()) {
            if (!List.of("fcfs", "edf").contains(s)) {
                throw new InvalidInputException("", "scheduler", "unknown scheduler '" + s + "' (known: edf, fcfs)");
            }
        }
        submitted.add(request);
        String id = String.format("e%04d", next++);
        EvaluationStatus s = status(id, request, EvaluationState.RUNNING, request.schedulers().get(0), List.of());
        evaluations.put(id, s);
        return s;
    }

    static EvaluationStatus status(String id, EvaluationRequest r, EvaluationState state, String scheduler,
                                   List<SchedulerSwap> swaps) {
        return new EvaluationStatus(id, r, state, "", scheduler, 0, 1, 250_000_000L, 1_000_000_000L,
                Map.of("xrbench.score", 80.5, "missRate", 0.1, "energy.mJ", 12.0), List.of(
                        new EvaluationStatus.WindowPoint(0, 100_000_000L, scheduler, 10, 0.1, 1.5, 80)),
                swaps, Path.of("/data/results/" + id), Instant.parse("2026-12-07T16:00:00Z"), null);
    }

    void set(String id, EvaluationState state) {
        EvaluationStatus s = evaluations.get(id);
        evaluations.put(id, status(id, s.request(), state, s.scheduler(), s.swaps()));
    }

    private EvaluationStatus known(String id) {
        EvaluationStatus s = evaluations.get(id);
        if (s == null) {
            throw new InvalidInputException("", "", "unknown evaluation " + id);
        }
        return s;
    }

    @Override
    public synchronized List<EvaluationStatus> list() {
        List<EvaluationStatus> l = new ArrayList<>(evaluations.values());
        java.util.Collections.reverse(l);
        return l;
    }

    @Override
    public synchronized Optional<EvaluationStatus> status(String id) {
        return Optional.ofNullable(evaluations.get(id));
    }

    @Override
    public synchronized EvaluationStatus pause(String id) {
        if (known(id).state() != EvaluationState.RUNNING) {
            throw new InvalidInputException("", "", "evaluation " + id + " is not running");
        }
        set(id, EvaluationState.PAUSED);
        return evaluations.get(id);
    }

    @Override
    public synchronized EvaluationStatus resume(String id) {
        if (known(id).state() != EvaluationState.PAUSED) {
            throw new InvalidInputException("", "", "evaluation " + id + " is not paused");
        }
        set(id, EvaluationState.RUNNING);
        return evaluations.get(id);
    }

    @Override
    public synchronized EvaluationStatus cancel(String id) {
        known(id);
        set(id, EvaluationState.CANCELLED);
        return evaluations.get(id);
    }

    @Override
    public synchronized EvaluationStatus swap(String id, String scheduler, Map<String, String> properties) {
        EvaluationStatus s = known(id);
        if (!List.of("fcfs", "edf").contains(scheduler)) {
            throw new InvalidInputException("", "scheduler", "unknown scheduler '" + scheduler + "'");
        }
        List<SchedulerSwap> swaps = new ArrayList<>(s.swaps());
        swaps.add(new SchedulerSwap(250_000_000L, s.scheduler(), "b", "1", scheduler, "b", "1", properties));
        EvaluationStatus after = status(id, s.request(), s.state(), scheduler, swaps);
        evaluations.put(id, after);
        return after;
    }

    @Override
    public AutoCloseable watch(String id, Consumer<EvaluationStatus> listener) {
        listener.accept(known(id));
        return () -> { };
    }

    @Override
    public synchronized List<ResultEntry> results() {
        return List.copyOf(results);
    }

    @Override
    public Path resultsDir() {
        return resultsDir;
    }
}
