package org.rtmmlab.cli.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a JSON input file for the fuzz test: deleted fields, wrong types, NaN / Infinity / negative /
 * huge numbers, unknown and duplicate keys, cascade cycles, deep nesting, truncation, bad encodings and paths that
 * escape the folder. Same seed, same bytes.
 */
final class JsonMutator {

    /** One mutated file: its bytes and what was done (printed with the seed on a failure). */
    record Mutant(byte[] bytes, String what) {
    }

    private static final List<String> NUMBERS = List.of("NaN", "Infinity", "-Infinity", "-1", "0", "1e308", "-1e308",
            "1e-300", "2147483648", "9223372036854775808", "0.5", "4294967296", "1e19", "-0", "1e400");
    private static final List<String> PATHS = List.of("../../../../etc/passwd", "/etc/passwd", "/dev/zero",
            "file:../secret", "xrbench:../../x", "..", "C:\\\\Windows", "\\u0000");

    private final SplittableRandom random;

    JsonMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Mutant mutate(String original) {
        int kind = random.nextInt(12);
        JsonElement tree = JsonParser.parseString(original);
        String text;
        String what;
        switch (kind) {
            case 0 -> {
                Slot s = pickMember(tree);
                if (s == null) {
                    return mutate(original);
                }
                ((JsonObject) s.parent).remove(s.key);
                what = "deleted " + s.path;
                text = write(tree, null);
            }
            case 1 -> {
                Slot s = pick(tree);
                JsonElement v = List.of(new JsonPrimitive("text"), new JsonPrimitive(true), JsonNull.INSTANCE,
                        new JsonArray(), new JsonObject(), new JsonPrimitive(1.5), new JsonPrimitive("1"))
                        .get(random.nextInt(7));
                s.set(v);
                what = "wrong type at " + s.path + ": " + v;
                text = write(tree, null);
            }
            case 2, 3 -> {
                Slot s = pickNumber(tree);
                String n = NUMBERS.get(random.nextInt(NUMBERS.size()));
                s.set(new JsonPrimitive("@@" + n + "@@"));
                what = "number at " + s.path + ": " + n;
                text = write(tree, null).replace("\"@@" + n + "@@\"", n);
            }
            case 4 -> {
                JsonObject o = pickObject(tree);
                o.addProperty("zzUnknown", 1);
                what = "unknown key";
                text = write(tree, null);
            }
            case 5 -> {
                JsonObject o = pickObject(tree);
                what = "duplicate key in an object with " + o.keySet();
                text = write(tree, o);
            }
            case 6 -> {
                what = "cascade cycle";
                text = cycle(tree);
            }
            case 7 -> {
                Slot s = pick(tree);
                int depth = 100 + random.nextInt(20_000);
                s.set(new JsonPrimitive("@@deep@@"));
                what = "nesting " + depth + " deep at " + s.path;
                text = write(tree, null).replace("\"@@deep@@\"", "[".repeat(depth) + "]".repeat(depth));
            }
            case 8 -> {
                byte[] b = original.getBytes(StandardCharsets.UTF_8);
                int cut = random.nextInt(b.length);
                return new Mutant(java.util.Arrays.copyOf(b, cut), "truncated at byte " + cut);
            }
            case 9 -> {
                byte[] b = original.getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(b.length);
                byte[] bad = random.nextBoolean() ? new byte[] {(byte) 0xC3, 0x28} : new byte[] {(byte) 0xFF, (byte) 0xFE};
                byte[] out = new byte[b.length + bad.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(bad, 0, out, at, bad.length);
                System.arraycopy(b, at, out, at + bad.length, b.length - at);
                if (random.nextInt(4) == 0) {
                    return new Mutant(original.getBytes(StandardCharsets.UTF_16), "UTF-16 encoded");
                }
                return new Mutant(out, "invalid bytes at " + at);
            }
            case 10 -> {
                Slot s = pickString(tree);
                String p = PATHS.get(random.nextInt(PATHS.size()));
                s.set(new JsonPrimitive(p));
                what = "path " + p + " at " + s.path;
                text = write(tree, null);
            }
            default -> {
                Slot s = pick(tree);
                JsonArray a = new JsonArray();
                if (s.value() != null) {
                    for (int i = 0; i < 2 + random.nextInt(3); i++) {
                        a.add(s.value().deepCopy());
                    }
                }
                s.set(a);
                what = "value repeated into an array at " + s.path;
                text = write(tree, null);
            }
        }
        if (random.nextInt(3) == 0 && kind != 8 && kind != 9) { // a second mutation on top
            Mutant more = new JsonMutator(random.nextLong()).mutateText(text);
            return new Mutant(more.bytes, what + "; " + more.what);
        }
        return new Mutant(text.getBytes(StandardCharsets.UTF_8), what);
    }

    private Mutant mutateText(String text) {
        try {
            return mutate(text);
        } catch (RuntimeException e) { // not parseable any more (NaN literals): keep it
            return new Mutant(text.getBytes(StandardCharsets.UTF_8), "");
        }
    }

    private String cycle(JsonElement tree) {
        if (tree.isJsonObject() && tree.getAsJsonObject().get("tasks") instanceof JsonArray tasks && tasks.size() >= 2) {
            int a = random.nextInt(tasks.size());
            int b = (a + 1 + random.nextInt(tasks.size() - 1)) % tasks.size();
            JsonObject ta = tasks.get(a).getAsJsonObject();
            JsonObject tb = tasks.get(b).getAsJsonObject();
            JsonObject trigA = new JsonObject();
            trigA.add("after", tb.get("id"));
            ta.add("trigger", trigA);
            JsonObject trigB = new JsonObject();
            trigB.add("after", random.nextBoolean() ? ta.get("id") : tb.get("id"));
            tb.add("trigger", trigB);
        } else if (tree.isJsonObject() && tree.getAsJsonObject().get("accelerators") instanceof JsonArray accs
                && !accs.isEmpty()) {
            accs.add(accs.get(0)); // the same accelerator twice: a duplicate id
        }
        return write(tree, null);
    }

    /** A place in the tree holding a value: an object member or an array element. */
    private record Slot(JsonElement parent, String key, int index, String path) {
        JsonElement value() {
            return parent instanceof JsonObject o ? o.get(key) : parent instanceof JsonArray a ? a.get(index) : null;
        }

        void set(JsonElement v) {
            if (parent instanceof JsonObject o) {
                o.add(key, v);
            } else if (parent instanceof JsonArray a) {
                a.set(index, v);
            }
        }
    }

    private List<Slot> slots(JsonElement tree) {
        List<Slot> out = new ArrayList<>();
        collect(tree, "$", out);
        return out;
    }

    private static void collect(JsonElement e, String path, List<Slot> out) {
        if (e instanceof JsonObject o) {
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                String p = path + "." + m.getKey();
                out.add(new Slot(o, m.getKey(), -1, p));
                collect(m.getValue(), p, out);
            }
        } else if (e instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Slot(a, null, i, p));
                collect(a.get(i), p, out);
            }
        }
    }

    private Slot pick(JsonElement tree) {
        List<Slot> all = slots(tree);
        return all.get(random.nextInt(all.size()));
    }

    private Slot pickMember(JsonElement tree) {
        List<Slot> all = slots(tree).stream().filter(s -> s.key != null).toList();
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    private Slot pickNumber(JsonElement tree) {
        List<Slot> all = slots(tree).stream().filter(s -> s.value() instanceof JsonPrimitive p && p.isNumber()).toList();
        return all.isEmpty() ? pick(tree) : all.get(random.nextInt(all.size()));
    }

    private Slot pickString(JsonElement tree) {
        List<Slot> all = slots(tree).stream().filter(s -> s.value() instanceof JsonPrimitive p && p.isString()).toList();
        return all.isEmpty() ? pick(tree) : all.get(random.nextInt(all.size()));
    }

    private JsonObject pickObject(JsonElement tree) {
        List<JsonObject> all = new ArrayList<>();
        if (tree instanceof JsonObject o) {
            all.add(o);
        }
        for (Slot s : slots(tree)) {
            if (s.value() instanceof JsonObject o) {
                all.add(o);
            }
        }
        return all.get(random.nextInt(all.size()));
    }

    /** Writes JSON text; the members of {@code duplicate} are written twice (second copy with another value). */
    private String write(JsonElement e, JsonObject duplicate) {
        StringBuilder sb = new StringBuilder();
        write(e, duplicate, sb);
        return sb.toString();
    }

    private void write(JsonElement e, JsonObject duplicate, StringBuilder sb) {
        if (e instanceof JsonObject o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> m : o.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(new JsonPrimitive(m.getKey())).append(':');
                write(m.getValue(), duplicate, sb);
                if (o == duplicate) {
                    sb.append(',').append(new JsonPrimitive(m.getKey())).append(':');
                    write(m.getValue().isJsonPrimitive() ? new JsonPrimitive("other") : m.getValue(), null, sb);
                    duplicate = null; // one duplicate is enough
                }
            }
            sb.append('}');
        } else if (e instanceof JsonArray a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(a.get(i), duplicate, sb);
            }
            sb.append(']');
        } else {
            sb.append(e.toString());
        }
    }
}
