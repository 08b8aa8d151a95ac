package org.rtmmlab.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;

/**
 * The API's JSON shapes. Records go through Gson (field names = component names); instants as ISO-8601 strings,
 * paths as their last name only (a result folder is addressed by id, its absolute location is nobody's business
 * over HTTP), NaN and infinities as JSON numbers would be invalid, so they are written as {@code null}.
 */
final class Json {

    /** Gson with the lab's adapters; thread-safe. */
    static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, (JsonSerializer<Instant>) (v, t, c) -> new JsonPrimitive(v.toString()))
            .registerTypeHierarchyAdapter(Path.class, (JsonSerializer<Path>) (v, t, c) ->
                    v.getFileName() == null ? null : new JsonPrimitive(v.getFileName().toString()))
            .registerTypeAdapter(Double.class, (JsonSerializer<Double>) (v, t, c) ->
                    v.isNaN() || v.isInfinite() ? null : new JsonPrimitive(v))
            .registerTypeAdapter(double.class, (JsonSerializer<Double>) (v, t, c) ->
                    v.isNaN() || v.isInfinite() ? null : new JsonPrimitive(v))
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** @return one evaluation: the record's fields plus {@code progress} (0..1, of all its runs) */
    static JsonObject status(EvaluationStatus s) {
        JsonObject o = GSON.toJsonTree(s).getAsJsonObject();
        o.addProperty("progress", progress(s));
        o.addProperty("singleRun", s.request() != null && s.request().isSingleRun());
        o.addProperty("final", s.state().isFinal());
        return o;
    }

    /** @return the share of the evaluation done: finished runs plus the current run's simulated share */
    static double progress(EvaluationStatus s) {
        if (s.state().isFinal() && s.state() == org.rtmmlab.evaluation.EvaluationState.FINISHED) {
            return 1;
        }
        if (s.runsTotal() <= 0) {
            return 0;
        }
        double current = s.horizonNs() > 0 ? Math.min(1, (double) s.simulatedNs() / s.horizonNs()) : 0;
        double done = s.runsDone() >= s.runsTotal() ? s.runsTotal() : s.runsDone() + current;
        return Math.max(0, Math.min(1, done / s.runsTotal()));
    }

    static JsonArray statuses(List<EvaluationStatus> list) {
        JsonArray a = new JsonArray();
        list.forEach(s -> a.add(status(s)));
        return a;
    }

    static JsonArray results(List<ResultEntry> list) {
        JsonArray a = new JsonArray();
        list.forEach(r -> a.add(GSON.toJsonTree(r)));
        return a;
    }

    /**
     * @return one plugin: kind, id, description, bundle, version, service ranking, and whether another of its id wins
     *         look-ups
     */
    static JsonObject plugin(PluginDescriptor d, boolean shadowed) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", d.kind().label());
        o.addProperty("id", d.id());
        o.addProperty("description", d.description());
        o.addProperty("bundle", d.bundle());
        o.addProperty("version", d.version());
        o.addProperty("ranking", d.ranking());
        o.addProperty("shadowed", shadowed);
        return o;
    }

    /** @return {@code {"error": message}} */
    static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return o;
    }

    /** @return a JSON object of string values */
    static JsonObject strings(Map<String, String> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::addProperty);
        return o;
    }

    static String write(JsonElement e) {
        return GSON.toJson(e);
    }
}
