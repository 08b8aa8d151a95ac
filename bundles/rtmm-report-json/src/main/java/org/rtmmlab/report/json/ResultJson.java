package org.rtmmlab.report.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.TaskResult;

/**
 * The machine-readable form of a run that the command line prints with {@code --json}: scenario, platform, scheduler,
 * seed, XRBench score, energy, frame accounting and the same per model, plus every metric. Field order is fixed
 * (deterministic output); non-finite numbers are written as {@code NaN} or {@code Infinity}. Its frame counts and
 * metrics are written as in {@link SummaryJson} (the {@code summary.json} document), which writes those as
 * {@code null}.
 */
public final class ResultJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private ResultJson() {
    }

    /** @return the JSON document of one run */
    public static JsonObject of(RunResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("scenario", r.config().scenario());
        o.addProperty("platform", r.config().platform());
        o.addProperty("scheduler", r.config().scheduler());
        o.addProperty("seed", r.config().seed());
        o.addProperty("xrbenchCompat", r.config().xrbenchCompat());
        o.addProperty("simulatedNs", r.simulatedNs());
        o.addProperty("labVersion", r.labVersion());
        o.addProperty("xrbenchScore", r.metric("xrbench.score"));
        o.addProperty("energyMj", r.energyMj());
        o.addProperty("missRate", r.frames().missRate());
        o.add("frames", SummaryJson.frames(r.frames()));
        JsonArray perModel = new JsonArray();
        for (TaskResult t : r.perTask()) {
            JsonObject m = new JsonObject();
            m.addProperty("model", t.model());
            m.addProperty("task", t.task());
            m.addProperty("xrbenchScore", t.metrics().getOrDefault("xrbench.score", Double.NaN));
            m.addProperty("realtimeScore", t.metrics().getOrDefault("xrbench.rt", Double.NaN));
            m.addProperty("energyScore", t.metrics().getOrDefault("xrbench.energy", Double.NaN));
            m.addProperty("qoeScore", t.metrics().getOrDefault("xrbench.qoe", Double.NaN));
            m.addProperty("energyMj", t.energyMj());
            m.addProperty("missRate", t.frames().missRate());
            m.add("frames", SummaryJson.frames(t.frames()));
            m.add("metrics", SummaryJson.metrics(t.metrics(), false));
            perModel.add(m);
        }
        o.add("perModel", perModel);
        o.add("metrics", SummaryJson.metrics(r.metrics(), false));
        o.add("properties", GSON.toJsonTree(r.config().properties()));
        return o;
    }

    /** @return the runs as one JSON array */
    public static JsonArray of(List<RunResult> results) {
        JsonArray a = new JsonArray();
        results.forEach(r -> a.add(of(r)));
        return a;
    }

    /** @return pretty JSON text */
    public static String text(JsonElement e) {
        return GSON.toJson(e);
    }
}
