package org.rtmmlab.evaluation.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.ResultEntry;

/** Reads and writes {@code evaluation.json} and {@code index.json} (fields in a fixed order; times ISO-8601 UTC). */
final class EvaluationJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private EvaluationJson() {
    }

    static String write(EvaluationRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("state", r.state().name());
        o.addProperty("message", r.message());
        o.add("request", request(r.request()));
        o.add("schedulers", strings(r.schedulers()));
        JsonArray swaps = new JsonArray();
        for (SchedulerSwap s : r.swaps()) {
            JsonObject j = new JsonObject();
            j.addProperty("timeNs", s.timeNs());
            j.addProperty("from", s.fromScheduler());
            j.addProperty("fromBundle", s.fromBundle());
            j.addProperty("fromVersion", s.fromVersion());
            j.addProperty("to", s.toScheduler());
            j.addProperty("toBundle", s.toBundle());
            j.addProperty("toVersion", s.toVersion());
            j.add("properties", map(s.properties()));
            swaps.add(j);
        }
        o.add("swaps", swaps);
        o.add("plugins", map(r.plugins()));
        JsonArray runs = new JsonArray();
        for (EvaluationRecord.RunEntry e : r.runs()) {
            JsonObject j = new JsonObject();
            j.addProperty("scenario", e.scenario());
            j.addProperty("platform", e.platform());
            j.addProperty("scheduler", e.scheduler());
            j.addProperty("seed", e.seed());
            j.addProperty("dir", e.dir());
            j.addProperty("state", e.state().name());
            j.addProperty("message", e.message());
            runs.add(j);
        }
        o.add("runs", runs);
        o.add("warnings", strings(r.warnings()));
        o.addProperty("submitted", time(r.submitted()));
        o.addProperty("started", time(r.started()));
        o.addProperty("ended", time(r.ended()));
        return GSON.toJson(o) + "\n";
    }

    static EvaluationRecord read(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<SchedulerSwap> swaps = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("swaps")) {
            JsonObject j = e.getAsJsonObject();
            swaps.add(new SchedulerSwap(j.get("timeNs").getAsLong(), str(j, "from"), str(j, "fromBundle"),
                    str(j, "fromVersion"), str(j, "to"), str(j, "toBundle"), str(j, "toVersion"),
                    stringMap(j.getAsJsonObject("properties"))));
        }
        List<EvaluationRecord.RunEntry> runs = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("runs")) {
            JsonObject j = e.getAsJsonObject();
            runs.add(new EvaluationRecord.RunEntry(str(j, "scenario"), str(j, "platform"), str(j, "scheduler"),
                    j.get("seed").getAsLong(), str(j, "dir"), EvaluationState.valueOf(str(j, "state")),
                    str(j, "message")));
        }
        return new EvaluationRecord(str(o, "id"), request(o.getAsJsonObject("request")),
                EvaluationState.valueOf(str(o, "state")), str(o, "message"), stringList(o.getAsJsonArray("schedulers")),
                swaps, stringMap(o.getAsJsonObject("plugins")), runs, stringList(o.getAsJsonArray("warnings")),
                instant(o, "submitted"), instant(o, "started"), instant(o, "ended"));
    }

    /** @return index.json: every result, newest first, folders relative to {@code root} */
    static String index(List<ResultEntry> entries, Path root) {
        JsonObject o = new JsonObject();
        o.addProperty("version", 1);
        JsonArray results = new JsonArray();
        for (ResultEntry e : entries) {
            JsonObject j = new JsonObject();
            j.addProperty("id", e.id());
            j.addProperty("state", e.state().name());
            j.addProperty("message", e.message());
            j.add("scenarios", strings(e.scenarios()));
            j.add("platforms", strings(e.platforms()));
            j.add("schedulers", strings(e.schedulers()));
            j.add("plugins", map(new TreeMap<>(e.plugins())));
            j.addProperty("dir", root.relativize(e.dir()).toString().replace('\\', '/'));
            j.add("files", strings(e.files()));
            j.addProperty("ended", time(e.ended()));
            results.add(j);
        }
        o.add("results", results);
        return GSON.toJson(o) + "\n";
    }

    /** @return the ids listed in an index.json */
    static List<String> indexIds(String json) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("results")) {
            out.add(e.getAsJsonObject().get("id").getAsString());
        }
        return out;
    }

    private static JsonObject request(EvaluationRequest q) {
        JsonObject o = new JsonObject();
        o.add("scenarios", strings(q.scenarios()));
        o.add("platforms", strings(q.platforms()));
        o.add("schedulers", strings(q.schedulers()));
        JsonArray seeds = new JsonArray();
        q.seeds().forEach(seeds::add);
        o.add("seeds", seeds);
        o.addProperty("durationNs", q.durationNs());
        o.addProperty("xrbenchCompat", q.xrbenchCompat());
        o.add("properties", map(q.properties()));
        o.add("reporters", strings(q.reporters()));
        o.addProperty("pace", q.pace());
        if (q.baseline() != null) {
            o.addProperty("baseline", q.baseline());
        }
        return o;
    }

    private static EvaluationRequest request(JsonObject o) {
        List<Long> seeds = new ArrayList<>();
        o.getAsJsonArray("seeds").forEach(e -> seeds.add(e.getAsLong()));
        return new EvaluationRequest(stringList(o.getAsJsonArray("scenarios")),
                stringList(o.getAsJsonArray("platforms")), stringList(o.getAsJsonArray("schedulers")), seeds,
                o.get("durationNs").getAsLong(), o.get("xrbenchCompat").getAsBoolean(),
                stringMap(o.getAsJsonObject("properties")), stringList(o.getAsJsonArray("reporters")),
                o.get("pace").getAsDouble(), o.has("baseline") ? o.get("baseline").getAsString() : null);
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    private static JsonObject map(Map<String, String> m) {
        JsonObject o = new JsonObject();
        new TreeMap<>(m).forEach(o::addProperty);
        return o;
    }

    private static List<String> stringList(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static Map<String, String> stringMap(JsonObject o) {
        Map<String, String> out = new TreeMap<>();
        o.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : Instant.parse(e.getAsString());
    }
}
