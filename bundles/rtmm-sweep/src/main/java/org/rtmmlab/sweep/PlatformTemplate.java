package org.rtmmlab.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.json.JsonNode;

/**
 * A platform file with placeholders ({@code ${name}}) that a sweep fills with parameter values. A string that is
 * exactly one placeholder becomes the value itself (a number stays a number); a placeholder inside a longer string
 * is replaced by the value's text. An array element {@code {"$repeat": N, "as": "i", "item": {...}}} expands into
 * N copies of {@code item} (N a number or a placeholder), with {@code ${i}} the copy's index from 0: that is how
 * the accelerator count becomes a parameter. Every placeholder must have a value and every parameter must be used.
 */
public final class PlatformTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final String source;
    private final JsonElement root;
    private final Map<String, String> placeholders; // name -> JSON path of its first use

    private PlatformTemplate(String source, JsonElement root) {
        this.source = source;
        this.root = root;
        this.placeholders = new TreeMap<>();
        collect(root, "$", Set.of());
    }

    /** Reads a template file (strict JSON; errors name the file and JSON path). */
    public static PlatformTemplate read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        // a folder, FIFO, device, oversized or non-UTF-8 file is refused before parsing (issue 17)
        String text = org.rtmmlab.json.InputFiles.read(file, name, "platform template");
        JsonNode.parse(name, new StringReader(text)); // strict syntax and duplicate keys, with the path
        return new PlatformTemplate(name, JsonParser.parseString(text));
    }

    /** @return the placeholder names used (sorted), index variables of {@code $repeat} excluded */
    public Set<String> placeholders() {
        return new TreeSet<>(placeholders.keySet());
    }

    /** @return the JSON path in the template where placeholder {@code name} is first used */
    public String firstUse(String name) {
        return placeholders.get(name);
    }

    /** @return the template's file name */
    public String source() {
        return source;
    }

    /**
     * @param values a value for every placeholder
     * @return the platform file text of this template filled with {@code values} (pretty JSON, final newline)
     */
    public String fill(Map<String, JsonPrimitive> values) {
        return PRETTY.toJson(expand(root, "$", values)) + "\n";
    }

    private void collect(JsonElement e, String path, Set<String> locals) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                collect(m.getValue(), path + "." + m.getKey(), locals);
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                String at = path + "[" + i + "]";
                JsonElement item = a.get(i);
                if (isRepeat(item)) {
                    JsonObject r = item.getAsJsonObject();
                    for (String k : r.keySet()) {
                        if (!Set.of("$repeat", "as", "item").contains(k)) {
                            throw new InvalidInputException(source, at + "." + k, "unknown key; allowed: $repeat, as,"
                                    + " item");
                        }
                    }
                    if (!r.has("item")) {
                        throw new InvalidInputException(source, at, "missing member 'item'");
                    }
                    collect(r.get("$repeat"), at + ".$repeat", locals);
                    Set<String> inner = new TreeSet<>(locals);
                    if (r.has("as")) {
                        JsonElement as = r.get("as");
                        if (!(as.isJsonPrimitive() && as.getAsJsonPrimitive().isString()
                                && as.getAsString().matches("[A-Za-z][A-Za-z0-9_]*"))) {
                            throw new InvalidInputException(source, at + ".as", "expected a variable name (letters, "
                                    + "digits, _)");
                        }
                        inner.add(as.getAsString());
                    }
                    collect(r.get("item"), at + ".item", inner);
                } else {
                    collect(item, at, locals);
                }
            }
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            Matcher m = PLACEHOLDER.matcher(e.getAsString());
            while (m.find()) {
                if (!locals.contains(m.group(1))) {
                    placeholders.putIfAbsent(m.group(1), path);
                }
            }
        }
    }

    private static boolean isRepeat(JsonElement e) {
        return e.isJsonObject() && e.getAsJsonObject().has("$repeat");
    }

    private JsonElement expand(JsonElement e, String path, Map<String, JsonPrimitive> values) {
        if (e.isJsonObject()) {
            JsonObject o = new JsonObject();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                o.add(m.getKey(), expand(m.getValue(), path + "." + m.getKey(), values));
            }
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                String at = path + "[" + i + "]";
                JsonElement item = a.get(i);
                if (!isRepeat(item)) {
                    out.add(expand(item, at, values));
                    continue;
                }
                JsonObject r = item.getAsJsonObject();
                JsonElement count = expand(r.get("$repeat"), at + ".$repeat", values);
                long n;
                try {
                    n = count.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
                } catch (RuntimeException notInteger) {
                    throw new InvalidInputException(source, at + ".$repeat", "expected an integer count, got "
                            + count);
                }
                if (n < 1 || n > 4096) {
                    throw new InvalidInputException(source, at + ".$repeat", "count must be in [1, 4096], got " + n);
                }
                for (long k = 0; k < n; k++) {
                    Map<String, JsonPrimitive> inner = new TreeMap<>(values);
                    if (r.has("as")) {
                        inner.put(r.get("as").getAsString(), new JsonPrimitive(k));
                    }
                    out.add(expand(r.get("item"), at + ".item", inner));
                }
            }
            return out;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            Matcher whole = PLACEHOLDER.matcher(s);
            if (whole.matches()) {
                return value(values, whole.group(1), path);
            }
            Matcher m = PLACEHOLDER.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(value(values, m.group(1), path).getAsString()));
            }
            m.appendTail(sb);
            return new JsonPrimitive(sb.toString());
        }
        return e;
    }

    private JsonPrimitive value(Map<String, JsonPrimitive> values, String name, String path) {
        JsonPrimitive v = values.get(name);
        if (v == null) {
            throw new InvalidInputException(source, path, "placeholder ${" + name + "} has no value");
        }
        return v;
    }
}
