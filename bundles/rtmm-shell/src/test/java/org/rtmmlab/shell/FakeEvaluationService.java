package org.rtmmlab.shell;

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
 * A scripted evaluation service for the shell's unit tests: it records what the commands asked and, when watched,
 * reports a RUNNING status with progress and then the scripted end ({@link #endWith}), or nothing more if the end
 * is {@code null} (an evaluation that never ends, to test Ctrl-C).
 */
final class FakeEvaluationService implements EvaluationService {

    final Map<String, EvaluationStatus> evaluations = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<ResultEntry> results = new ArrayList<>();
    EvaluationRequest lastRequest;
    RuntimeException submitFails;
    private EvaluationState end = EvaluationState.FINISHED;
    private String endMessage = "";
    private int next = 1;

    /** @param state the final state watched evaluations reach, null for none */
    void endWith(EvaluationState state, String message) {
        end = state;
        endMessage = message;
    }

    static EvaluationStatus status(String id, EvaluationRequest r, EvaluationState state, String message, long simNs,
                                   List<SchedulerSwap> swaps) {
        return new EvaluationStatus(id, r, state, message, r.schedulers().get(0), state == EvaluationState.FINISHED ? 1 : 0,
                r.schedulers().size() * r.scenarios().size() * r.platforms().size() * r.seeds().size(), simNs, 700_000_000L,
                Map.of("xrbench.score", 87.5, "missRate", 0.125, "energy.mJ", 12.25), List.of(), swaps,
                Path.of("data", "results", id), Instant.parse("2026-12-07T10:00:00Z"),
                state.isFinal() ? Instant.parse("2026-12-07T10:00:05Z") : null);
    }

    @Override
    public EvaluationStatus submit(EvaluationRequest request) {
        calls.add("submit");
        if (submitFails != null) {
            throw submitFails;
        }
        lastRequest = request;
        String id = String.format("e%04d", next++);
        EvaluationStatus s = status(id, request, EvaluationState.RUNNING, "", 0, List.of());
        evaluations.put(id, s);
        return s;
    }

    @Override
    public List<EvaluationStatus> list() {
        List<EvaluationStatus> all = new ArrayList<>(evaluations.values());
        java.util.Collections.reverse(all);
        return all;
    }

    @Override
    public Optional<EvaluationStatus> status(String id) {
        return Optional.ofNullable(evaluations.get(id));
    }

    private EvaluationStatus change(String id, String call, EvaluationState from, EvaluationState to) {
        calls.add(call + " " + id);
        EvaluationStatus s = evaluations.get(id);
        if (s == null) {
            throw new InvalidInputException("", "", "unknown evaluation '" + id + "'");
        }
        if (from != null && s.state() != from) {
            throw new InvalidInputException("", "", "cannot " + call + " " + id + ": it is " + s.state());
        }
        EvaluationStatus n = status(id, s.request(), to, "", 350_000_000L, s.swaps());
        evaluations.put(id, n);
        return n;
    }

    @Override
    public EvaluationStatus pause(String id) {
        return change(id, "pause", EvaluationState.RUNNING, EvaluationState.PAUSED);
    }

    @Override
    public EvaluationStatus resume(String id) {
        return change(id, "resume", EvaluationState.PAUSED, EvaluationState.RUNNING);
    }

    @Override
    public EvaluationStatus cancel(String id) {
        return change(id, "cancel", null, EvaluationState.CANCELLED);
    }

    @Override
    public EvaluationStatus swap(String id, String scheduler, Map<String, String> properties) {
        calls.add("swap " + id + " " + scheduler + " " + properties);
        EvaluationStatus s = evaluations.get(id);
        if (s == null) {
            throw new InvalidInputException("", "", "unknown evaluation '" + id + "'");
        }
        if (scheduler.equals("nope")) {
            throw new InvalidInputException("scheduler", "", "unknown scheduler 'nope'; known: edf, fcfs");
        }
        return s;
    }

    @Override
    public AutoCloseable watch(String id, Consumer<EvaluationStatus> listener) {
        calls.add("watch " + id);
        EvaluationStatus s = evaluations.get(id);
        listener.accept(s);
        listener.accept(status(id, s.request(), EvaluationState.RUNNING, "", 350_000_000L, List.of()));
        if (end != null) {
            EvaluationStatus e = status(id, s.request(), end, endMessage, 700_000_000L, List.of());
            evaluations.put(id, e);
            listener.accept(e);
        }
        return () -> calls.add("unwatch " + id);
    }

    @Override
    public List<ResultEntry> results() {
        return results;
    }

    @Override
    public Path resultsDir() {
        return Path.of("data", "results");
    }
}
