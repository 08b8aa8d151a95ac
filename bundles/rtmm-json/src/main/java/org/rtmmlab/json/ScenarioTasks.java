package org.rtmmlab.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Task;

/**
 * Reads the {@code tasks} of a scenario file and checks them as a whole: unique ids, known models, known upstream
 * tasks, and that cascades form a DAG (each error located at the offending member).
 */
final class ScenarioTasks {

    private static final Set<String> TASK_KEYS = Set.of("id", "model", "fps", "periodMs", "deadlineMs", "jitterMs",
            "phaseMs", "priority", "trigger", "active", "notes", CpuStages.KEY);
    private static final Set<String> TRIGGER_KEYS = Set.of("after", "probability");

    private ScenarioTasks() {
    }

    /**
     * @param list     the {@code tasks} array
     * @param modelIds ids of the file's models
     * @return the tasks in document order
     */
    static List<Task> read(JsonNode list, Set<String> modelIds) {
        List<JsonNode> items = list.items();
        if (items.isEmpty()) {
            throw list.error("must list at least one task");
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (JsonNode item : items) {
            Task t = task(item, modelIds, byId);
            byId.put(t.id(), item);
            tasks.add(t);
        }
        for (int i = 0; i < tasks.size(); i++) {
            String up = tasks.get(i).upstream();
            if (up != null && !byId.containsKey(up)) {
                throw items.get(i).get("trigger").get("after").error("unknown upstream task '" + up + "'; tasks: "
                        + String.join(", ", byId.keySet()));
            }
        }
        checkAcyclic(tasks, items);
        return tasks;
    }

    /** @param seen tasks read so far by id: a repeated id is reported before anything else about the task */
    private static Task task(JsonNode node, Set<String> modelIds, Map<String, JsonNode> seen) {
        node.onlyKeys(TASK_KEYS);
        ScenarioFiles.notes(node.opt("notes"));
        JsonNode modelNode = node.get("model");
        String model = ScenarioFiles.nonEmpty(modelNode);
        if (!modelIds.contains(model)) {
            throw modelNode.error("unknown model '" + model + "'; models of this file: " + String.join(", ", modelIds));
        }
        String id = node.opt("id") == null ? model : ScenarioFiles.nonEmpty(node.get("id"));
        if (seen.containsKey(id)) {
            throw (node.opt("id") != null ? node.get("id") : node).error("duplicate task id '" + id + "'");
        }
        long period = period(node);
        long deadline = node.opt("deadlineMs") == null ? period : ScenarioFiles.positiveNs(node.get("deadlineMs"));
        long jitter = ScenarioFiles.optNonNegativeNs(node.opt("jitterMs"));
        long phase = ScenarioFiles.optNonNegativeNs(node.opt("phaseMs"));
        int priority = 1;
        if (node.opt("priority") != null) {
            priority = node.get("priority").intValue();
            if (priority <= 0) {
                throw node.get("priority").error("must be > 0, got " + priority);
            }
        }
        boolean active = node.opt("active") == null || node.get("active").bool();
        String upstream = null;
        double probability = 1.0;
        JsonNode trigger = node.opt("trigger");
        if (trigger != null && !isPeriodicKeyword(trigger)) {
            trigger.onlyKeys(TRIGGER_KEYS);
            if (trigger.opt("after") != null) {
                upstream = ScenarioFiles.nonEmpty(trigger.get("after"));
                if (upstream.equals(id)) {
                    throw trigger.get("after").error("task '" + id + "' cannot be triggered by itself");
                }
            }
            if (trigger.opt("probability") != null) {
                probability = ScenarioFiles.probability(trigger.get("probability"));
            }
        }
        try {
            return new Task(id, model, period, deadline, jitter, phase, priority, upstream, probability, active);
        } catch (InvalidInputException e) {
            throw node.relocate(e);
        }
    }

    private static boolean isPeriodicKeyword(JsonNode trigger) {
        String s;
        try {
            s = trigger.string();
        } catch (InvalidInputException notAString) {
            return false;
        }
        if (!s.equals("periodic")) {
            throw trigger.error("unknown trigger '" + s + "'; use \"periodic\" or {\"after\": task, \"probability\": p}");
        }
        return true;
    }

    private static long period(JsonNode node) {
        JsonNode fps = node.opt("fps");
        JsonNode periodMs = node.opt("periodMs");
        if ((fps == null) == (periodMs == null)) {
            throw node.error("give exactly one of 'fps' and 'periodMs'");
        }
        return fps != null ? ScenarioFiles.fpsToNs(fps) : ScenarioFiles.positiveNs(periodMs);
    }

    private static void checkAcyclic(List<Task> tasks, List<JsonNode> items) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            index.put(tasks.get(i).id(), i);
        }
        int[] state = new int[tasks.size()]; // 0 new, 1 on the current path, 2 done
        for (int start = 0; start < tasks.size(); start++) {
            List<Integer> path = new ArrayList<>();
            int cur = start;
            while (cur >= 0 && state[cur] == 0) {
                state[cur] = 1;
                path.add(cur);
                String up = tasks.get(cur).upstream();
                cur = up == null ? -1 : index.get(up);
            }
            if (cur >= 0 && state[cur] == 1) {
                List<String> cycle = new ArrayList<>();
                for (int k = path.indexOf(cur); k < path.size(); k++) {
                    cycle.add(tasks.get(path.get(k)).id());
                }
                cycle.add(tasks.get(cur).id());
                throw items.get(cur).get("trigger").get("after").error("cascade cycle " + String.join(" -> ", cycle)
                        + " (cascades must form a DAG)");
            }
            for (int k : path) {
                state[k] = 2;
            }
        }
    }
}
