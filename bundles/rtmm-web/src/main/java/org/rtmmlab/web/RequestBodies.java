package org.rtmmlab.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.json.Durations;

/**
 * Reads the JSON bodies of the API's POST requests. Every mistake is a 400 naming the JSON path, e.g.
 * {@code $.pace: expected max, 1x, 10x or a number > 0, got 'fast'}. Unknown keys are refused (a typo must not be
 * ignored silently).
 */
final class RequestBodies {

    private static final Set<String> EVALUATION_KEYS = Set.of("scenarios", "platforms", "schedulers", "seeds",
            "duration", "durationNs", "xrbenchCompat", "properties", "reporters", "pace", "baseline");
    private static final Set<String> SWAP_KEYS = Set.of("scheduler", "properties");
    private static final List<String> DEFAULT_REPORTERS = List.of("json", "csv", "html", "trace");
    private static final Pattern PACE = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*x?");

    private RequestBodies() {
    }

    /** A parsed swap request. */
    record Swap(String scheduler, Map<String, String> properties) {
    }

    /**
     * Parses {@code POST /api/evaluations}: {@code scenarios}, {@code platforms}, {@code schedulers} (each a list or
     * one comma-separated string), {@code seeds} (list or one number, default [1]), {@code duration} ("10s",
     * "700ms") or {@code durationNs}, {@code pace} ("max", "1x", "10x" or a number; default max), {@code properties}
     * (object of strings), {@code reporters} (default json, csv, html, trace), {@code xrbenchCompat},
     * {@code baseline}.
     */
    static EvaluationRequest evaluation(String body) {
        JsonObject o = object(body, EVALUATION_KEYS);
        List<String> scenarios = strings(o, "scenarios", true);
        List<String> platforms = strings(o, "platforms", true);
        List<String> schedulers = strings(o, "schedulers", true);
        List<Long> seeds = seeds(o);
        long durationNs = 0;
        if (o.has("duration") && o.has("durationNs")) {
            throw bad("$.duration", "give duration or durationNs, not both");
        }
        if (o.has("duration") && !o.get("duration").isJsonNull()) {
            durationNs = duration(text(o, "duration"), "$.duration");
        } else if (o.has("durationNs")) {
            durationNs = number(o, "durationNs").longValue();
            if (durationNs < 0) {
                throw bad("$.durationNs", "must be >= 0, got " + durationNs);
            }
        }
        boolean compat = o.has("xrbenchCompat") && bool(o, "xrbenchCompat");
        Map<String, String> properties = properties(o, "$.properties");
        List<String> reporters = o.has("reporters") ? strings(o, "reporters", true) : DEFAULT_REPORTERS;
        double pace = o.has("pace") ? pace(o.get("pace")) : 0;
        String baseline = o.has("baseline") && !o.get("baseline").isJsonNull() ? text(o, "baseline") : null;
        if (baseline != null && baseline.isBlank()) {
            baseline = null;
        }
        if (baseline != null && !schedulers.contains(baseline)) {
            throw bad("$.baseline", "'" + baseline + "' is not one of the schedulers " + schedulers);
        }
        return new EvaluationRequest(scenarios, platforms, schedulers, seeds, durationNs, compat, properties,
                reporters, pace, baseline);
    }

    /** Parses {@code POST /api/evaluations/{id}/swap}: {@code {"scheduler": "edf", "properties": {...}}}. */
    static Swap swap(String body) {
        JsonObject o = object(body, SWAP_KEYS);
        if (!o.has("scheduler")) {
            throw bad("$.scheduler", "missing");
        }
        String scheduler = text(o, "scheduler").trim();
        if (scheduler.isEmpty()) {
            throw bad("$.scheduler", "must not be empty");
        }
        return new Swap(scheduler, properties(o, "$.properties"));
    }

    /** @return simulated seconds per wall second: 0 for {@code max}, else {@code > 0} */
    static double pace(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw bad("$.pace", "expected max, 1x, 10x or a number >= 0 (0 = max), got " + e);
            }
            return d;
        }
        String s = e.isJsonPrimitive() ? e.getAsString().trim().toLowerCase(Locale.ROOT) : e.toString();
        if (s.equals("max") || s.isEmpty()) {
            return 0;
        }
        Matcher m = PACE.matcher(s);
        if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
            throw bad("$.pace", "expected max, 1x, 10x or a number > 0, got '" + s + "'");
        }
        return Double.parseDouble(m.group(1));
    }

    /** @return a duration ("700ms", "10s", "1.5m", "250us", "1000000ns") in ns, &gt; 0 ({@link Durations}) */
    static long duration(String text, String path) {
        try {
            return Durations.parseNs(text);
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    private static JsonObject object(String body, Set<String> keys) {
        JsonElement e;
        try {
            JsonReader r = new JsonReader(new StringReader(body == null ? "" : body));
            r.setStrictness(Strictness.STRICT);
            e = JsonParser.parseReader(r);
            if (r.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw bad("$", "trailing data after the JSON object");
            }
        } catch (JsonParseException | java.io.IOException | IllegalStateException ex) {
            throw bad("$", "not a JSON object: " + oneLine(ex.getMessage()));
        }
        if (!e.isJsonObject()) {
            throw bad("$", "expected a JSON object, got " + (e.isJsonNull() ? "nothing" : e));
        }
        for (String k : e.getAsJsonObject().keySet()) {
            if (!keys.contains(k)) {
                throw bad("$." + k, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
            }
        }
        return e.getAsJsonObject();
    }

    private static List<String> strings(JsonObject o, String key, boolean required) {
        JsonElement e = o.get(key);
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw bad("$." + key, "missing");
            }
            return out;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            for (String s : e.getAsString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                JsonElement x = a.get(i);
                if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString() || x.getAsString().isBlank()) {
                    throw bad("$." + key + "[" + i + "]", "expected a non-empty string, got " + x);
                }
                out.add(x.getAsString().trim());
            }
        } else {
            throw bad("$." + key, "expected a list of strings or one comma-separated string, got " + e);
        }
        if (required && out.isEmpty()) {
            throw bad("$." + key, "must not be empty");
        }
        return out;
    }

    private static List<Long> seeds(JsonObject o) {
        JsonElement e = o.get("seeds");
        if (e == null || e.isJsonNull()) {
            return List.of(1L);
        }
        List<Long> out = new ArrayList<>();
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                out.add(seed(a.get(i), "$.seeds[" + i + "]"));
            }
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            for (String s : e.getAsString().split(",")) {
                if (!s.isBlank()) {
                    out.add(seed(new JsonPrimitive(s.trim()), "$.seeds"));
                }
            }
        } else {
            out.add(seed(e, "$.seeds"));
        }
        if (out.isEmpty()) {
            throw bad("$.seeds", "must not be empty");
        }
        return out;
    }

    private static long seed(JsonElement e, String path) {
        try {
            if (e.isJsonPrimitive()) {
                return Long.parseLong(e.getAsString());
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(path, "expected an integer seed, got " + e);
    }

    private static Map<String, String> properties(JsonObject o, String path) {
        JsonElement e = o.get("properties");
        Map<String, String> out = new TreeMap<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonObject()) {
            throw bad(path, "expected an object of key: value, got " + e);
        }
        for (Map.Entry<String, JsonElement> p : e.getAsJsonObject().entrySet()) {
            JsonElement v = p.getValue();
            if (!v.isJsonPrimitive()) {
                throw bad(path + "." + p.getKey(), "expected a string, number or boolean, got " + v);
            }
            out.put(p.getKey(), v.getAsString());
        }
        return out;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw bad("$." + key, "expected a string, got " + e);
        }
        return e.getAsString();
    }

    private static Number number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw bad("$." + key, "expected a number, got " + e);
        }
        return e.getAsNumber();
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw bad("$." + key, "expected true or false, got " + e);
        }
        return e.getAsBoolean();
    }

    private static ApiException bad(String path, String reason) {
        return new ApiException(400, "request body: " + path + ": " + reason);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
