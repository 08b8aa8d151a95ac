package org.rtmmlab.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rtmmlab.api.InvalidInputException;

/**
 * A JSON value together with the resource it came from and its JSON path, so that every read that finds the
 * wrong shape fails with an {@link InvalidInputException} saying where ({@code <resource>: $.a.b[2].c: reason}).
 */
public final class JsonNode {

    private final String resource;
    private final String path;
    private final JsonElement value;

    private JsonNode(String resource, String path, JsonElement value) {
        this.resource = resource;
        this.path = path;
        this.value = value;
    }

    /**
     * Parses a whole document as strict JSON (RFC 8259: no comments, no single quotes or unquoted strings, no NaN, one
     * document); a key given twice in one object is an error at that key's path, since silently keeping one of the
     * values would run something the user did not write. Syntax errors become one-line
     * {@link InvalidInputException}s at {@code $} with Gson's line and column.
     */
    public static JsonNode parse(String resource, Reader reader) {
        try {
            JsonReader in = new JsonReader(reader);
            in.setStrictness(Strictness.STRICT);
            JsonElement root = read(resource, in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(resource, "$", "malformed JSON: content after the end of the document"
                        + " at " + in.getPath());
            }
            return new JsonNode(resource, "$", root);
        } catch (IOException | IllegalStateException | NumberFormatException | JsonParseException e) {
            throw new InvalidInputException(resource, "$", "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Reads the value at {@code in}'s position and everything below it, as {@link #parse} reads a whole document: for
     * a caller that streams through a large document and keeps only a part (the other parts skipped unread, e.g. the
     * cost tables of the accelerators a run does not use). The node's path is the reader's ({@code $.costs.t}).
     *
     * @param in a reader in strict mode ({@link Strictness#STRICT}), before a value
     */
    public static JsonNode readValue(String resource, JsonReader in) {
        String path = in.getPath();
        try {
            return new JsonNode(resource, path, read(resource, in));
        } catch (IOException | IllegalStateException | NumberFormatException | JsonParseException e) {
            throw new InvalidInputException(resource, path, "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Reads one value and everything below it. Error messages name the value by the reader's own path ({@code $.a.b}
     * and {@code [i]}, as {@link #path()}), built only when there is an error: not a string per value read.
     */
    private static JsonElement read(String resource, JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject o = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String key = in.nextName();
                    if (o.has(key)) {
                        throw new InvalidInputException(resource, in.getPath(), "duplicate key '" + key + "' (a key "
                                + "may appear once per object)");
                    }
                    o.add(key, read(resource, in));
                }
                in.endObject();
                return o;
            }
            case BEGIN_ARRAY -> {
                JsonArray a = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    a.add(read(resource, in));
                }
                in.endArray();
                return a;
            }
            case STRING -> {
                return new JsonPrimitive(in.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new BigDecimal(in.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(in.nextBoolean());
            }
            case NULL -> {
                in.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new InvalidInputException(resource, in.getPath(), "malformed JSON: unexpected " + in.peek()
                    + " at " + in.getPath());
        }
    }

    /** @return the first line of a parser message (Gson appends a troubleshooting link on a second line) */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** Reads a UTF-8 resource next to {@code anchor} (its package), through the anchor's class loader. */
    public static JsonNode resource(Class<?> anchor, String name) {
        InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new InvalidInputException(name, "", "resource not found next to " + anchor.getName());
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(name, reader);
        } catch (IOException e) {
            throw new InvalidInputException(name, "", "cannot read resource: " + e.getMessage());
        }
    }

    /** @return the JSON path of this value, e.g. {@code $.models.ES_RITNet.layers[3]} */
    public String path() {
        return path;
    }

    /** @return an input error located at this value */
    public InvalidInputException error(String reason) {
        return new InvalidInputException(resource, path, reason);
    }

    /** @return {@code e} (thrown by a record constructor) re-located below this value */
    public InvalidInputException relocate(InvalidInputException e) {
        return e.in(resource, path + ".");
    }

    /** @return true if this value is JSON null */
    public boolean isNull() {
        return value.isJsonNull();
    }

    /** @return member {@code key} of this object; missing member is an error */
    public JsonNode get(String key) {
        JsonNode n = opt(key);
        if (n == null) {
            throw error("missing member '" + key + "'");
        }
        return n;
    }

    /** @return member {@code key} of this object, or null if absent */
    public JsonNode opt(String key) {
        JsonElement e = object().get(key);
        return e == null ? null : new JsonNode(resource, path + "." + key, e);
    }

    /** @return the members of this object in document order */
    public List<Map.Entry<String, JsonNode>> entries() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : object().entrySet()) {
            out.add(Map.entry(e.getKey(), new JsonNode(resource, path + "." + e.getKey(), e.getValue())));
        }
        return out;
    }

    /** @return the elements of this array in order */
    public List<JsonNode> items() {
        if (!value.isJsonArray()) {
            throw error("expected an array");
        }
        JsonArray array = value.getAsJsonArray();
        List<JsonNode> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(new JsonNode(resource, path + "[" + i + "]", array.get(i)));
        }
        return out;
    }

    /** @return this value as a string */
    public String string() {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
            throw error("expected a string");
        }
        return value.getAsString();
    }

    /** @return this value as a finite number */
    public double number() {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
            throw error("expected a number");
        }
        double d = value.getAsDouble();
        if (!Double.isFinite(d)) {
            throw error("expected a finite number");
        }
        return d;
    }

    /** @return this value as an integer (no fractional part) */
    public long integer() {
        number();
        try {
            return value.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw error("expected an integer, got " + value.getAsString());
        }
    }

    /** @return this value as an int */
    public int intValue() {
        long l = integer();
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw error("integer out of range: " + l);
        }
        return (int) l;
    }

    /** @return this value as a boolean */
    public boolean bool() {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
            throw error("expected true or false");
        }
        return value.getAsBoolean();
    }

    /** @return the resource (file name or id) this value came from */
    public String resource() {
        return resource;
    }

    /**
     * Rejects members of this object that are not in {@code allowed} (typos must not be ignored silently).
     *
     * @return this node
     */
    public JsonNode onlyKeys(Set<String> allowed) {
        for (String key : object().keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidInputException(resource, path + "." + key,
                        "unknown key; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    private JsonObject object() {
        if (!value.isJsonObject()) {
            throw error("expected an object");
        }
        return value.getAsJsonObject();
    }
}
