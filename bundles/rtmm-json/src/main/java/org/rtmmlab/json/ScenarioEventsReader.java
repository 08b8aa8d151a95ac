package org.rtmmlab.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;

/**
 * Reads the {@code events} of a scenario file: {@code {"atMs", "kind", "task", ...}} with kind {@code start},
 * {@code stop}, {@code setFps} ({@code fps}), {@code setPeriod} ({@code periodMs}) or {@code setProbability}
 * ({@code probability}); the task must exist, the events must be in non-decreasing time order and none may come
 * after the scenario's end ({@code durationMs}; an event exactly at the end is allowed and has no effect).
 */
final class ScenarioEventsReader {

    private static final Set<String> BASE = Set.of("atMs", "kind", "task", "notes");
    private static final Map<String, Set<String>> KINDS = Map.of(
            "start", BASE,
            "stop", BASE,
            "setFps", Set.of("atMs", "kind", "task", "notes", "fps"),
            "setPeriod", Set.of("atMs", "kind", "task", "notes", "periodMs"),
            "setProbability", Set.of("atMs", "kind", "task", "notes", "probability"));
    private static final String ALLOWED = "start, stop, setFps, setPeriod, setProbability";

    private ScenarioEventsReader() {
    }

    /**
     * @param list       the {@code events} array
     * @param tasks      the file's tasks
     * @param durationNs the scenario's {@code durationMs} in ns; later events are rejected
     * @return the events in document order
     */
    static List<ScenarioEvent> read(JsonNode list, List<Task> tasks, long durationNs) {
        List<ScenarioEvent> out = new ArrayList<>();
        long last = 0;
        for (JsonNode e : list.items()) {
            ScenarioFiles.notes(e.opt("notes"));
            ScenarioEvent ev = event(e, tasks);
            if (ev.timeNs() < last) {
                throw e.get("atMs").error("events must be in time order: " + ScenarioFiles.plain(ev.timeNs() / 1e6)
                        + " ms comes after " + ScenarioFiles.plain(last / 1e6) + " ms");
            }
            if (ev.timeNs() > durationNs) {
                throw e.get("atMs").error("event at " + ScenarioFiles.plain(ev.timeNs() / 1e6)
                        + " ms is after the scenario's end, " + ScenarioFiles.plain(durationNs / 1e6)
                        + " ms (durationMs)");
            }
            last = ev.timeNs();
            out.add(ev);
        }
        return out;
    }

    private static ScenarioEvent event(JsonNode e, List<Task> tasks) {
        JsonNode kindNode = e.get("kind");
        String kind = kindNode.string();
        Set<String> keys = KINDS.get(kind);
        if (keys == null) {
            throw kindNode.error("unknown event kind '" + kind + "'; allowed: " + ALLOWED);
        }
        e.onlyKeys(keys);
        long at = ScenarioFiles.optNonNegativeNs(e.get("atMs"));
        JsonNode taskNode = e.get("task");
        String task = ScenarioFiles.nonEmpty(taskNode);
        if (tasks.stream().noneMatch(t -> t.id().equals(task))) {
            throw taskNode.error("unknown task '" + task + "'; tasks: "
                    + String.join(", ", tasks.stream().map(Task::id).toList()));
        }
        try {
            return switch (kind) {
                case "start" -> new ScenarioEvent(at, ScenarioEvent.Kind.START, task, 0);
                case "stop" -> new ScenarioEvent(at, ScenarioEvent.Kind.STOP, task, 0);
                case "setFps" -> new ScenarioEvent(at, ScenarioEvent.Kind.SET_PERIOD, task,
                        ScenarioFiles.fpsToNs(e.get("fps")));
                case "setPeriod" -> new ScenarioEvent(at, ScenarioEvent.Kind.SET_PERIOD, task,
                        ScenarioFiles.positiveNs(e.get("periodMs")));
                default -> new ScenarioEvent(at, ScenarioEvent.Kind.SET_PROBABILITY, task,
                        ScenarioFiles.probability(e.get("probability")));
            };
        } catch (InvalidInputException ex) {
            if (!ex.source().isEmpty()) {
                throw ex;
            }
            throw e.relocate(ex);
        }
    }
}
