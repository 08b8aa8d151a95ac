package org.rtmmlab.report.trace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JSON-schema-like check of Chrome Trace Event objects: the fields each phase needs for Perfetto and
 * chrome://tracing, with their types.
 */
final class TraceSchema {

    private static final Set<String> METADATA = Set.of("process_name", "process_sort_index", "thread_name",
            "thread_sort_index");

    private TraceSchema() {
    }

    /** @return one line per problem of event {@code i}; empty if it is well-formed */
    static List<String> problems(int i, JsonElement element) {
        List<String> p = new ArrayList<>();
        if (!element.isJsonObject()) {
            p.add(i + ": not an object");
            return p;
        }
        JsonObject e = element.getAsJsonObject();
        string(e, "name", i, p);
        String ph = string(e, "ph", i, p);
        number(e, "ts", i, p);
        integer(e, "pid", i, p);
        integer(e, "tid", i, p);
        if (!e.has("args") || !e.get("args").isJsonObject()) {
            p.add(i + ": args must be an object");
        }
        if (ph == null) {
            return p;
        }
        switch (ph) {
            case "X" -> {
                Double dur = number(e, "dur", i, p);
                if (dur != null && dur < 0) {
                    p.add(i + ": negative dur");
                }
                string(e, "cat", i, p);
            }
            case "i" -> {
                String s = string(e, "s", i, p);
                if (s != null && !Set.of("t", "p", "g").contains(s)) {
                    p.add(i + ": bad instant scope " + s);
                }
            }
            case "C" -> {
                if (e.has("args") && e.get("args").isJsonObject()) {
                    JsonObject a = e.getAsJsonObject("args");
                    if (a.isEmpty()) {
                        p.add(i + ": counter without series");
                    }
                    a.entrySet().forEach(en -> {
                        if (!en.getValue().isJsonPrimitive() || !en.getValue().getAsJsonPrimitive().isNumber()) {
                            p.add(i + ": counter series " + en.getKey() + " not a number");
                        }
                    });
                }
            }
            case "s", "f" -> {
                integer(e, "id", i, p);
                string(e, "cat", i, p);
                if (ph.equals("f") && !"e".equals(string(e, "bp", i, p))) {
                    p.add(i + ": flow end must bind to the enclosing slice (bp e)");
                }
            }
            case "M" -> {
                if (!METADATA.contains(e.get("name").getAsString())) {
                    p.add(i + ": unknown metadata " + e.get("name"));
                }
            }
            default -> p.add(i + ": unexpected ph " + ph);
        }
        return p;
    }

    private static String string(JsonObject e, String f, int i, List<String> p) {
        JsonElement v = e.get(f);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString() || v.getAsString().isEmpty()) {
            p.add(i + ": " + f + " must be a non-empty string");
            return null;
        }
        return v.getAsString();
    }

    private static Double number(JsonObject e, String f, int i, List<String> p) {
        JsonElement v = e.get(f);
        if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
            p.add(i + ": " + f + " must be a number");
            return null;
        }
        return v.getAsDouble();
    }

    private static void integer(JsonObject e, String f, int i, List<String> p) {
        Double d = number(e, f, i, p);
        if (d != null) {
            JsonPrimitive v = e.getAsJsonPrimitive(f);
            if (v.getAsString().contains(".") || d < 0) {
                p.add(i + ": " + f + " must be a non-negative integer");
            }
        }
    }
}
