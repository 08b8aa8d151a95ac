package org.rtmmlab.json;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.Platform;

/**
 * Reads user-defined platform files (format version 1, documented with a complete example in this bundle's
 * {@code README.md}):
 *
 * <pre>{@code
 * {"version": 1, "id": "my/tri-npu", "description": "...", "notes": ["optional provenance"],
 *  "accelerators": [{"id": "npu0", "kind": "npu", "costModel": "analytic", "peCount": 2048, "dataflow": "WS",
 *                    "clockMHz": 1000, "nocBandwidth": 128, "offchipBandwidth": 64,
 *                    "l1Bytes": 8192, "l2Bytes": 2097152, "idlePowerW": 0.1, "partitions": 1,
 *                    "attributes": {"key": "value"}}]}
 * }</pre>
 *
 * Required: {@code version} (must be 1), {@code id}, {@code accelerators} (non-empty); per accelerator {@code id},
 * {@code kind} ({@code npu|gpu|cpu}), {@code costModel} (non-empty; whether it is installed is checked by the
 * engine), {@code peCount}, {@code dataflow} ({@code WS|OS|RS|NONE}), {@code clockMHz}, {@code nocBandwidth}
 * (elements/cycle), {@code offchipBandwidth} (bytes/cycle), all numbers &gt; 0. Optional: {@code description}
 * (default empty), {@code notes} (string or array of strings, ignored), {@code l1Bytes}/{@code l2Bytes} (default 0,
 * &gt;= 0), {@code idlePowerW} (default 0, &gt;= 0), {@code partitions} (default 1, &gt; 0), {@code attributes}
 * (object of strings, default empty). Unknown keys, wrong types, out-of-range numbers, unknown kinds or dataflows
 * and duplicate accelerator ids are rejected with an {@link InvalidInputException} naming the file, the JSON path
 * and the reason, e.g. {@code my.json: $.accelerators[1].peCount: must be > 0, got 0}. Keywords are case-insensitive.
 */
public final class PlatformFiles {

    /** The only supported format version. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_KEYS = Set.of("version", "id", "description", "notes", "accelerators");
    private static final Set<String> ACCELERATOR_KEYS = Set.of("id", "kind", "costModel", "peCount", "dataflow",
            "clockMHz", "nocBandwidth", "offchipBandwidth", "l1Bytes", "l2Bytes", "idlePowerW", "partitions",
            "attributes");

    private PlatformFiles() {
    }

    /**
     * Reads a platform file (UTF-8); errors name the file by its file name.
     *
     * @param file path of the JSON file
     * @return the validated platform
     * @throws InvalidInputException if the file is missing, unreadable or invalid
     */
    public static Platform read(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        // a folder, FIFO, device, oversized or non-UTF-8 file is refused before parsing (issue 17)
        return parse(source, new java.io.StringReader(InputFiles.read(file, source, "platform file")));
    }

    /**
     * Parses a platform document.
     *
     * @param source name used in error messages (file name or resource name)
     * @param json   the document
     * @return the validated platform
     * @throws InvalidInputException on any syntax, shape or range error
     */
    public static Platform parse(String source, Reader json) {
        JsonNode root = JsonNode.parse(source, json).onlyKeys(TOP_KEYS);
        JsonNode version = root.get("version");
        if (version.integer() != VERSION) {
            throw version.error("unsupported version " + version.integer() + "; supported: " + VERSION);
        }
        String id = nonEmpty(root.get("id"));
        String description = root.opt("description") == null ? "" : root.get("description").string();
        notes(root.opt("notes"));
        JsonNode list = root.get("accelerators");
        List<JsonNode> items = list.items();
        if (items.isEmpty()) {
            throw list.error("must list at least one accelerator");
        }
        List<Accelerator> accelerators = new ArrayList<>(items.size());
        Map<String, JsonNode> seen = new HashMap<>();
        for (JsonNode item : items) {
            Accelerator a = accelerator(item);
            if (seen.putIfAbsent(a.id(), item) != null) {
                throw item.get("id").error("duplicate accelerator id '" + a.id() + "'");
            }
            accelerators.add(a);
        }
        try {
            return new Platform(id, description, accelerators);
        } catch (InvalidInputException e) {
            throw root.relocate(e);
        }
    }

    /**
     * Writes {@code platform} in format version 1 (inverse of {@link #parse}: parsing the result gives an equal
     * platform). Every field is written, defaults included, so a generated file documents itself.
     *
     * @param platform the platform
     * @param notes    provenance lines for the {@code notes} member; empty for none
     * @return pretty-printed JSON ending with a newline
     */
    public static String format(Platform platform, List<String> notes) {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        root.addProperty("id", platform.id());
        root.addProperty("description", platform.description());
        if (!notes.isEmpty()) {
            JsonArray n = new JsonArray();
            notes.forEach(n::add);
            root.add("notes", n);
        }
        JsonArray list = new JsonArray();
        for (Accelerator a : platform.accelerators()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", a.id());
            o.addProperty("kind", a.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("costModel", a.costModel());
            o.addProperty("peCount", a.peCount());
            o.addProperty("dataflow", a.dataflow().name());
            o.addProperty("clockMHz", number(a.clockHz() / 1e6));
            o.addProperty("nocBandwidth", number(a.nocBandwidth()));
            o.addProperty("offchipBandwidth", number(a.offchipBandwidth()));
            o.addProperty("l1Bytes", a.l1Bytes());
            o.addProperty("l2Bytes", a.l2Bytes());
            o.addProperty("idlePowerW", number(a.idlePowerW()));
            o.addProperty("partitions", a.partitions());
            o.add("attributes", JsonWriting.strings(a.attributes()));
            list.add(o);
        }
        root.add("accelerators", list);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private static Accelerator accelerator(JsonNode node) {
        node.onlyKeys(ACCELERATOR_KEYS);
        Accelerator.Builder b = Accelerator.builder(nonEmpty(node.get("id")), nonEmpty(node.get("costModel")))
                .kind(keyword(node.get("kind"), AcceleratorKind.class))
                .peCount(positiveInt(node.get("peCount")))
                .dataflow(keyword(node.get("dataflow"), Dataflow.class))
                .clockHz(clockHz(node.get("clockMHz")))
                .nocBandwidth(positive(node.get("nocBandwidth")))
                .offchipBandwidth(positive(node.get("offchipBandwidth")))
                .l1Bytes(optNonNegativeLong(node.opt("l1Bytes"), 0))
                .l2Bytes(optNonNegativeLong(node.opt("l2Bytes"), 0))
                .idlePowerW(optNonNegative(node.opt("idlePowerW"), 0))
                .partitions(node.opt("partitions") == null ? 1 : positiveInt(node.get("partitions")));
        for (Map.Entry<String, String> e : attributes(node.opt("attributes")).entrySet()) {
            b.attribute(e.getKey(), e.getValue());
        }
        try {
            return b.build();
        } catch (InvalidInputException e) {
            throw node.relocate(e);
        }
    }

    private static Map<String, String> attributes(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (e.getKey().isBlank()) {
                throw e.getValue().error("attribute names must be non-empty");
            }
            out.put(e.getKey(), e.getValue().string());
        }
        return out;
    }

    private static void notes(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isNull()) {
            throw node.error("expected a string or an array of strings");
        }
        try {
            node.string();
        } catch (InvalidInputException notAString) {
            for (JsonNode line : node.items()) {
                line.string();
            }
        }
    }

    private static String nonEmpty(JsonNode node) {
        String s = node.string();
        if (s.isBlank()) {
            throw node.error("must be a non-empty string");
        }
        return s;
    }

    private static <E extends Enum<E>> E keyword(JsonNode node, Class<E> type) {
        String s = node.string();
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw node.error("unknown value '" + s + "'; allowed: " + String.join(", ", allowed));
    }

    /** @return clockMHz in Hz; a value whose Hz are not a finite number is named as written (issue 17) */
    private static double clockHz(JsonNode node) {
        double mhz = positive(node);
        if (!(mhz * 1e6 < Double.POSITIVE_INFINITY)) {
            throw node.error("must be at most 1e300 MHz, got " + plain(mhz));
        }
        return mhz * 1e6;
    }

    private static double positive(JsonNode node) {
        double v = node.number();
        if (!(v > 0)) {
            throw node.error("must be > 0, got " + plain(v));
        }
        return v;
    }

    private static int positiveInt(JsonNode node) {
        int v = node.intValue();
        if (v <= 0) {
            throw node.error("must be > 0, got " + v);
        }
        return v;
    }

    private static long optNonNegativeLong(JsonNode node, long fallback) {
        if (node == null) {
            return fallback;
        }
        long v = node.integer();
        if (v < 0) {
            throw node.error("must be >= 0, got " + v);
        }
        return v;
    }

    private static double optNonNegative(JsonNode node, double fallback) {
        if (node == null) {
            return fallback;
        }
        double v = node.number();
        if (v < 0) {
            throw node.error("must be >= 0, got " + plain(v));
        }
        return v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
