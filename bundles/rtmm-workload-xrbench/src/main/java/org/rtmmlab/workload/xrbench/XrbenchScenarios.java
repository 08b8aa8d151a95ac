package org.rtmmlab.workload.xrbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.json.JsonNode;

/**
 * Reads {@code scenarios.json}: {@code $.scenarios.<name> = {name, group, models: [{model, fps,
 * trigger_probability_effective, depends_on, period_ms_as_simulated, num_layers}]}} and turns each entry into a
 * {@link Scenario} with id {@code xrbench/<name>}.
 *
 * <p>Mapping (see {@code docs/xrbench-runtime.md} section 3): one task per model instance, task id = model name;
 * {@code periodNs = round(1e9 / fps)}, so that the XRBench compatibility engine's integer-ms period
 * {@code periodNs / 1_000_000} equals XRBench's {@code 1000 / fps}; relative deadline = period; no jitter;
 * priority 1; upstream = {@code depends_on[0]} with probability {@code trigger_probability_effective}; active from
 * time 0; default duration 700 ms (XRBench's simulated length).
 */
final class XrbenchScenarios {

    /** Id prefix of every scenario of this provider. */
    static final String PREFIX = "xrbench/";

    /** XRBench simulates 700 ms per scenario ({@code XRBench-MAESTRO.cpp: RunWorkloads(700)}). */
    static final long DEFAULT_DURATION_NS = 700_000_000L;

    private XrbenchScenarios() {
    }

    /** @return the scenarios by id, in document order */
    static Map<String, Scenario> parse(JsonNode root, Map<String, Model> models) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("scenarios").entries()) {
            Scenario s = scenario(e.getKey(), e.getValue(), models);
            out.put(s.id(), s);
        }
        if (out.isEmpty()) {
            throw root.get("scenarios").error("no scenarios");
        }
        return out;
    }

    /** @return names of the entries whose {@code group} is {@code usage_scenario}, in document order */
    static List<String> usageScenarios(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.get("scenarios").entries()) {
            JsonNode group = e.getValue().opt("group");
            if (group != null && !group.isNull() && group.string().equals("usage_scenario")) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** @return the period in ns of a task running at {@code fps} frames per second */
    static long periodNs(int fps) {
        return Math.round(1e9 / fps);
    }

    private static Scenario scenario(String name, JsonNode node, Map<String, Model> models) {
        JsonNode entries = node.get("models");
        List<JsonNode> items = entries.items();
        if (items.isEmpty()) {
            throw entries.error("scenario " + name + " lists no models");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : items) {
            JsonNode modelNode = item.get("model");
            String model = modelNode.string();
            if (!models.containsKey(model)) {
                throw modelNode.error("unknown model '" + model + "' (not in models.json)");
            }
            if (names.contains(model)) {
                throw modelNode.error("model '" + model + "' listed twice");
            }
            names.add(model);
        }
        List<Model> used = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        StringJoiner summary = new StringJoiner("; ");
        for (JsonNode item : items) {
            Model model = models.get(item.get("model").string());
            Task task = task(item, model, names);
            used.add(model);
            tasks.add(task);
            summary.add(describe(task, item.get("fps").intValue()));
        }
        JsonNode group = node.opt("group");
        String kind = group == null || group.isNull() ? "" : " (" + group.string().replace('_', ' ') + ")";
        try {
            return new Scenario(PREFIX + name, "XRBench " + name + kind + ": " + summary, used, tasks, List.of(),
                    DEFAULT_DURATION_NS);
        } catch (InvalidInputException e) {
            throw node.relocate(e);
        }
    }

    private static Task task(JsonNode item, Model model, List<String> scenarioModels) {
        JsonNode fpsNode = item.get("fps");
        int fps = fpsNode.intValue();
        if (fps <= 0) {
            throw fpsNode.error("fps must be > 0, got " + fps);
        }
        JsonNode simulated = item.opt("period_ms_as_simulated");
        if (simulated != null && simulated.integer() != 1000 / fps) {
            throw simulated.error("period_ms_as_simulated " + simulated.integer() + " but 1000/fps = " + (1000 / fps));
        }
        JsonNode layers = item.opt("num_layers");
        if (layers != null && layers.intValue() != model.layers().size()) {
            throw layers.error("num_layers " + layers.intValue() + " but model " + model.id() + " has "
                    + model.layers().size() + " layers");
        }
        List<JsonNode> deps = item.get("depends_on").items();
        if (deps.size() > 1) {
            throw item.get("depends_on").error("at most one dependency is supported, got " + deps.size());
        }
        String upstream = null;
        if (!deps.isEmpty()) {
            upstream = deps.get(0).string();
            if (!scenarioModels.contains(upstream)) {
                throw deps.get(0).error("depends on '" + upstream + "', which is not a model of this scenario");
            }
        }
        JsonNode pNode = item.get("trigger_probability_effective");
        double p = pNode.number();
        if (!(p >= 0 && p <= 1)) {
            throw pNode.error("probability must be in [0, 1], got " + p);
        }
        long period = periodNs(fps);
        try {
            return new Task(model.id(), model.id(), period, period, 0, 0, 1, upstream, p, true);
        } catch (InvalidInputException e) {
            throw item.relocate(e);
        }
    }

    private static String describe(Task task, int fps) {
        String s = task.id() + " " + fps + " fps";
        if (task.upstream() != null) {
            s += ", p=" + task.probability() + " after " + task.upstream();
        } else if (task.probability() < 1) {
            s += ", p=" + task.probability();
        }
        return s;
    }
}
