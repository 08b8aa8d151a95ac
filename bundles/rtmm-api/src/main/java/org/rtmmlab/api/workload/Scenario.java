package org.rtmmlab.api.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * A workload: models, the tasks that run them, and events that change the tasks over time.
 * The constructor checks referential integrity (every task's model and upstream exist, every event's task
 * exists), that cascades form a DAG, and that events are sorted by time.
 *
 * @param id                scenario id, e.g. {@code xrbench/VR_gaming}
 * @param description       one line for listings
 * @param models            models used by the tasks, unique ids
 * @param tasks             tasks, unique ids, non-empty
 * @param events            run-time events in non-decreasing time order (may be empty)
 * @param defaultDurationNs simulated duration when a run does not say, &gt; 0
 */
public record Scenario(String id, String description, List<Model> models, List<Task> tasks,
                       List<ScenarioEvent> events, long defaultDurationNs) {

    /** Validates ids, references, cascade acyclicity and event order. */
    public Scenario {
        Checks.id(id, "id");
        description = description == null ? "" : description;
        models = Checks.list(models, "models");
        tasks = Checks.list(tasks, "tasks");
        events = events == null ? List.of() : Checks.list(events, "events");
        Checks.positive(defaultDurationNs, "defaultDurationNs");
        if (tasks.isEmpty()) {
            throw new InvalidInputException("", "tasks", "scenario " + id + " has no tasks");
        }
        Map<String, Integer> modelIndex = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            if (modelIndex.put(models.get(i).id(), i) != null) {
                throw new InvalidInputException("", "models[" + i + "].id", "duplicate model id '" + models.get(i).id() + "'");
            }
        }
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            if (taskIndex.put(t.id(), i) != null) {
                throw new InvalidInputException("", "tasks[" + i + "].id", "duplicate task id '" + t.id() + "'");
            }
            if (!modelIndex.containsKey(t.model())) {
                throw new InvalidInputException("", "tasks[" + i + "].model", "unknown model '" + t.model() + "'");
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            if (t.upstream() != null && !taskIndex.containsKey(t.upstream())) {
                throw new InvalidInputException("", "tasks[" + i + "].upstream", "unknown upstream task '" + t.upstream() + "'");
            }
        }
        checkAcyclic(tasks, taskIndex);
        long last = 0;
        for (int i = 0; i < events.size(); i++) {
            ScenarioEvent e = events.get(i);
            if (!taskIndex.containsKey(e.task())) {
                throw new InvalidInputException("", "events[" + i + "].task", "unknown task '" + e.task() + "'");
            }
            if (e.timeNs() < last) {
                throw new InvalidInputException("", "events[" + i + "].timeNs", "events must be sorted by time");
            }
            last = e.timeNs();
        }
    }

    private static void checkAcyclic(List<Task> tasks, Map<String, Integer> taskIndex) {
        int[] state = new int[tasks.size()]; // 0 new, 1 on path, 2 done
        for (int start = 0; start < tasks.size(); start++) {
            List<String> path = new ArrayList<>();
            int cur = start;
            while (cur >= 0 && state[cur] == 0) {
                state[cur] = 1;
                path.add(tasks.get(cur).id());
                String up = tasks.get(cur).upstream();
                cur = up == null ? -1 : taskIndex.get(up);
            }
            if (cur >= 0 && state[cur] == 1) {
                String first = tasks.get(cur).id();
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(first), path.size()));
                cycle.add(first);
                throw new InvalidInputException("", "tasks[" + cur + "].upstream",
                        "cascade cycle " + String.join(" -> ", cycle));
            }
            for (String id : path) {
                state[taskIndex.get(id)] = 2;
            }
        }
    }

    /** @return the model with this id */
    public Model model(String modelId) {
        for (Model m : models) {
            if (m.id().equals(modelId)) {
                return m;
            }
        }
        throw new InvalidInputException(id, "models", "unknown model '" + modelId + "'");
    }

    /** @return index of the task with this id in {@link #tasks()}, or -1 */
    public int taskIndex(String taskId) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).id().equals(taskId)) {
                return i;
            }
        }
        return -1;
    }
}
