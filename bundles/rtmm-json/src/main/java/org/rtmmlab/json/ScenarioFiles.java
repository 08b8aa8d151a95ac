package org.rtmmlab.json;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;

/**
 * Reads scenario files (format version 1, documented with a complete example in this bundle's {@code README.md}):
 *
 * <pre>{@code
 * {"version": 1, "id": "my/hands", "description": "...", "durationMs": 10000,
 *  "models": [{"ref": "xrbench:HT_...", "variants": []}, {"id": "tiny", "layers": [{"name": "l0", "K": 8, ...}]}],
 *  "tasks":  [{"id": "det", "model": "tiny", "fps": 30, "deadlineMs": 20, "jitterMs": 1, "phaseMs": 0,
 *              "priority": 2, "active": true},
 *             {"id": "track", "model": "tiny", "fps": 30, "trigger": {"after": "det", "probability": 0.1}}],
 *  "events": [{"atMs": 5000, "kind": "setProbability", "task": "track", "probability": 1.0},
 *             {"atMs": 8000, "kind": "setFps", "task": "det", "fps": 60},
 *             {"atMs": 9000, "kind": "stop", "task": "track"}]}
 * }</pre>
 *
 * Models are given by reference to a model another scenario provider ships ({@code "ref"}, resolved by the resolver
 * passed in, see {@link ModelRefs}) or inline (layers and optional variants). Every error -- syntax, unknown keys,
 * wrong types, out-of-range numbers (times above 1e9 ms = 1e6 s, positive times that round to 0 ns), a
 * {@code DWCONV} layer with {@code C != K}, unsupported version, duplicate ids, dangling model/upstream/event
 * references, cascade cycles, events out of time order or after {@code durationMs} -- is an
 * {@link InvalidInputException} naming the file, the JSON path and the reason, e.g.
 * {@code hands.json: $.tasks[1].trigger.probability: must be a probability in [0, 1], got 1.5}.
 */
public final class ScenarioFiles {

    /** The only supported format version. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_KEYS = Set.of("version", "id", "description", "notes", "durationMs",
            "models", "tasks", "events");

    private ScenarioFiles() {
    }

    /** Reads a scenario file without a model-ref resolver (a {@code "ref"} is then an error). */
    public static Scenario read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a scenario file (UTF-8); errors name the file by its file name.
     *
     * @param file     path of the JSON file
     * @param resolver resolves {@code "ref"} strings to models (returns null or throws an
     *                 {@link InvalidInputException} whose reason is reported at the ref); may be null
     * @return the validated scenario; its id defaults to the file name without {@code .json}
     * @throws InvalidInputException if the file is missing, unreadable or invalid
     */
    public static Scenario read(Path file, Function<String, Model> resolver) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        // a folder, FIFO, device, oversized or non-UTF-8 file is refused before parsing (issue 17)
        return parse(source, new java.io.StringReader(InputFiles.read(file, source, "scenario file")), resolver);
    }

    /** Parses a scenario document without a model-ref resolver. */
    public static Scenario parse(String source, Reader json) {
        return parse(source, json, null);
    }

    /**
     * Reads and validates a UTF-8 scenario file shipped as a resource next to {@code anchor} (its package), through
     * the anchor's class loader.
     *
     * @param anchor   a class of the bundle that ships the file
     * @param name     the resource name, relative to the anchor's package; the source in error messages
     * @param resolver resolves model refs; may be null
     * @return the validated scenario
     * @throws InvalidInputException when the resource is missing or on any error of {@link #parse}
     * @since 1.4
     */
    public static Scenario resource(Class<?> anchor, String name, Function<String, Model> resolver) {
        return scenario(name, JsonNode.resource(anchor, name), resolver);
    }

    /**
     * Parses a scenario document.
     *
     * @param source   name used in error messages (file or resource name); also the default scenario id, less
     *                 {@code .json}
     * @param json     the document
     * @param resolver resolves model refs; may be null
     * @return the validated scenario
     * @throws InvalidInputException on any syntax, shape, range or reference error
     */
    public static Scenario parse(String source, Reader json, Function<String, Model> resolver) {
        return scenario(source, JsonNode.parse(source, json), resolver);
    }

    private static Scenario scenario(String source, JsonNode document, Function<String, Model> resolver) {
        JsonNode root = document.onlyKeys(TOP_KEYS);
        JsonNode version = root.get("version");
        if (version.integer() != VERSION) {
            throw version.error("unsupported version " + version.integer() + "; supported: " + VERSION);
        }
        String id = root.opt("id") == null ? defaultId(source) : nonEmpty(root.get("id"));
        String description = root.opt("description") == null ? "" : root.get("description").string();
        notes(root.opt("notes"));
        long duration = positiveNs(root.get("durationMs"));
        List<Model> models = models(root.get("models"), resolver);
        Set<String> modelIds = new LinkedHashSet<>();
        models.forEach(m -> modelIds.add(m.id()));
        List<Task> tasks = new ArrayList<>(ScenarioTasks.read(root.get("tasks"), modelIds));
        models = CpuStages.apply(root.get("tasks"), models, tasks); // issue 13: RT-mDL's CPU stages
        List<ScenarioEvent> events = root.opt("events") == null ? List.of()
                : ScenarioEventsReader.read(root.get("events"), tasks, duration);
        try {
            return new Scenario(id, description, models, tasks, events, duration);
        } catch (InvalidInputException e) {
            throw root.relocate(e);
        }
    }

    private static List<Model> models(JsonNode list, Function<String, Model> resolver) {
        List<JsonNode> items = list.items();
        if (items.isEmpty()) {
            throw list.error("must list at least one model");
        }
        List<Model> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : items) {
            Model m = ScenarioModels.model(item, resolver);
            if (!ids.add(m.id())) {
                throw item.error("duplicate model id '" + m.id() + "'");
            }
            out.add(m);
        }
        return out;
    }

    private static String defaultId(String source) {
        String s = source == null || source.isBlank() ? "scenario" : source;
        return s.endsWith(".json") ? s.substring(0, s.length() - ".json".length()) : s;
    }

    /** Checks an optional {@code notes}: a string or a list of strings (anywhere it is allowed). */
    static void notes(JsonNode node) {
        if (node == null) {
            return;
        }
        try {
            node.string();
        } catch (InvalidInputException notAString) {
            for (JsonNode line : node.items()) {
                line.string();
            }
        }
    }

    // ---- shared member readers (package-private, used by the task, model and event readers) ----

    static String nonEmpty(JsonNode node) {
        String s = node.string();
        if (s.isBlank()) {
            throw node.error("must be a non-empty string");
        }
        return s;
    }

    /**
     * Largest time a scenario file may give, in ms: 1e9 ms = 1e6 s (about 11.6 days) = 1e15 ns. Well below
     * {@code Long.MAX_VALUE} (about 9.2e18 ns), so the engine can add thousands of such times (phase + periods +
     * deadline + jitter, a duration plus a horizon) without overflowing its {@code long} nanosecond clock.
     */
    static final double MAX_MS = 1e9;

    /** @return milliseconds as whole nanoseconds, which must be &gt; 0 (at least 1 ns after rounding) */
    static long positiveNs(JsonNode ms) {
        double v = ms.number();
        if (!(v > 0)) {
            throw ms.error("must be > 0 (at least 1 ns), got " + plain(v));
        }
        long ns = toNs(ms, v);
        if (ns <= 0) {
            throw ms.error("must be > 0 (at least 1 ns), got " + plain(v) + " ms, which rounds to 0 ns");
        }
        return ns;
    }

    /** @return milliseconds as whole nanoseconds, which must be &gt;= 0; 0 when absent */
    static long optNonNegativeNs(JsonNode ms) {
        if (ms == null) {
            return 0;
        }
        double v = ms.number();
        if (!(v >= 0)) {
            throw ms.error("must be >= 0, got " + plain(v));
        }
        return toNs(ms, v);
    }

    private static long toNs(JsonNode ms, double v) {
        if (!(v <= MAX_MS)) {
            throw ms.error("must be at most 1e9 ms (1e6 s, the longest time a scenario file may give), got "
                    + plain(v));
        }
        return Math.round(v * 1e6);
    }

    /** @return the period {@code round(1e9 / fps)} ns of a rate, which must be in [1e-6, 1e9] (period 1 ns .. 1e6 s) */
    static long fpsToNs(JsonNode fps) {
        double v = fps.number();
        if (!(v > 0) || v > 1e9) {
            throw fps.error("must be > 0 (and at most 1e9), got " + plain(v));
        }
        if (v < 1e-6) {
            throw fps.error("must be at least 1e-6 (a period of at most 1e6 s), got " + plain(v));
        }
        return Math.round(1e9 / v);
    }

    static double probability(JsonNode node) {
        double p = node.number();
        if (!(p >= 0 && p <= 1)) {
            throw node.error("must be a probability in [0, 1], got " + plain(p));
        }
        return p;
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
