package org.rtmmlab.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Task;
import org.rtmmlab.api.workload.Variant;

/**
 * A task's CPU stages ({@code "cpuStagesMs": {"pre": 3, "post": 1.5}}, RT-mDL's C_i1 and C_i2; issue 13): the task
 * runs a model derived from its model, {@code <model>@<task>}, whose every variant starts with the HOST layer
 * {@code cpu.pre} and ends with {@code cpu.post} ({@link Layer#host}: the stage's time in microseconds on the
 * reference CPU, {@code round(ms x 1000)}, at least 1 us; a stage of 0 ms or absent is left out). A model no task
 * runs directly any more is dropped from the scenario.
 */
final class CpuStages {

    static final String KEY = "cpuStagesMs";
    private static final Set<String> STAGE_KEYS = Set.of("pre", "post");

    private CpuStages() {
    }

    /**
     * @param taskNodes the {@code tasks} array, in the order of {@code tasks}
     * @param models    the file's models
     * @param tasks     the tasks read from {@code taskNodes}; those with CPU stages are replaced in place
     * @return the scenario's models: the derived ones added after the file's, unused ones dropped
     */
    static List<Model> apply(JsonNode taskNodes, List<Model> models, List<Task> tasks) {
        List<JsonNode> items = taskNodes.items();
        Map<String, Model> byId = new LinkedHashMap<>();
        models.forEach(m -> byId.put(m.id(), m));
        List<Model> derived = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode stages = items.get(i).opt(KEY);
            if (stages == null) {
                continue;
            }
            stages.onlyKeys(STAGE_KEYS);
            int pre = micros(stages.opt("pre"));
            int post = micros(stages.opt("post"));
            if (pre == 0 && post == 0) {
                throw stages.error("give 'pre' or 'post' > 0 ms (or leave " + KEY + " out)");
            }
            Task t = tasks.get(i);
            Model m = byId.get(t.model());
            String id = m.id() + "@" + t.id();
            if (byId.containsKey(id)) {
                throw stages.error("derived model id '" + id + "' clashes with a model of this file");
            }
            List<Variant> variants = new ArrayList<>();
            for (Variant v : m.variants()) {
                variants.add(new Variant(v.id(), v.relativeAccuracy(), wrap(v.layers(), pre, post), v.source()));
            }
            derived.add(new Model(id, m.task(), wrap(m.layers(), pre, post), variants));
            tasks.set(i, new Task(t.id(), id, t.periodNs(), t.deadlineNs(), t.jitterNs(), t.phaseNs(), t.priority(),
                    t.upstream(), t.probability(), t.active()));
        }
        if (derived.isEmpty()) {
            return models;
        }
        Set<String> used = new LinkedHashSet<>();
        tasks.forEach(t -> used.add(t.model()));
        List<Model> out = new ArrayList<>();
        for (Model m : models) {
            if (used.contains(m.id())) {
                out.add(m);
            }
        }
        out.addAll(derived);
        return out;
    }

    private static List<Layer> wrap(List<Layer> layers, int pre, int post) {
        List<Layer> out = new ArrayList<>(layers.size() + 2);
        if (pre > 0) {
            out.add(Layer.host("cpu.pre", pre));
        }
        out.addAll(layers);
        if (post > 0) {
            out.add(Layer.host("cpu.post", post));
        }
        return out;
    }

    /** @return a stage's milliseconds as whole microseconds; 0 when absent or 0 */
    private static int micros(JsonNode ms) {
        if (ms == null) {
            return 0;
        }
        double v = ms.number();
        if (!(v >= 0) || v > 1e6) {
            throw ms.error("must be in [0, 1e6] ms, got " + v);
        }
        long us = Math.round(v * 1000);
        if (v > 0 && us == 0) {
            throw ms.error("must be 0 or at least 0.0005 ms (1 us after rounding), got " + v);
        }
        return (int) us;
    }
}
