package org.rtmmlab.sweep;

import com.google.gson.JsonPrimitive;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.json.JsonNode;

/**
 * Reads a sweep file (format version 1, documented in this module's README) strictly: unknown keys, wrong types,
 * empty lists, repeated values and bad filters are one-line {@link InvalidInputException}s naming the file and the
 * JSON path. Ids are checked later against the plugins ({@link SweepPlan}).
 */
public final class SweepSpecReader {

    /** Default of {@code maxPoints}. */
    public static final int DEFAULT_MAX_POINTS = 10_000;
    /** Highest {@code maxPoints} a file may set. */
    public static final int MAX_POINTS_LIMIT = 1_000_000;

    /** The dimensions every point has, in the order of the CSV columns. */
    public static final List<String> FIXED_DIMENSIONS = List.of("scheduler", "scenario", "platform", "seed",
            "durationMs", "xrbenchCompat");

    private static final Set<String> KEYS = Set.of("version", "name", "schedulers", "scenarios", "platforms", "seeds",
            "durationMs", "xrbenchCompat", "properties", "reports", "baseline", "include", "exclude", "maxPoints");

    private SweepSpecReader() {
    }

    /** Reads a sweep file; template paths are relative to its directory. */
    public static SweepSpec read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        // a folder, FIFO, device, oversized or non-UTF-8 file is refused before parsing (issue 17)
        String text = org.rtmmlab.json.InputFiles.read(file, name, "sweep file");
        return parse(name, file.toAbsolutePath().getParent(), new java.io.StringReader(text));
    }

    /** Parses a sweep document; {@code baseDir} resolves relative template paths. */
    public static SweepSpec parse(String source, Path baseDir, Reader json) {
        JsonNode root = JsonNode.parse(source, json).onlyKeys(KEYS);
        JsonNode v = root.get("version");
        if (v.integer() != SweepSpec.VERSION) {
            throw v.error("unsupported version " + v.integer() + "; this lab reads version " + SweepSpec.VERSION);
        }
        String name = root.opt("name") == null ? "sweep" : nonEmpty(root.get("name"));
        List<SweepSpec.SchedulerChoice> schedulers = schedulers(root.get("schedulers"));
        List<SweepSpec.ScenarioChoice> scenarios = new ArrayList<>();
        Set<String> seenScenarios = new LinkedHashSet<>();
        for (JsonNode n : nonEmptyItems(root.get("scenarios"))) {
            String id = nonEmpty(n);
            if (!seenScenarios.add(id)) {
                throw n.error("scenario '" + id + "' is listed twice");
            }
            scenarios.add(new SweepSpec.ScenarioChoice(id, n.path()));
        }
        List<SweepSpec.PlatformChoice> platforms = platforms(root.get("platforms"), baseDir);
        List<Long> seeds = seeds(root.opt("seeds"));
        List<Long> durations = new ArrayList<>();
        if (root.opt("durationMs") == null) {
            durations.add(0L);
        } else {
            for (JsonNode n : nonEmptyItems(root.get("durationMs"))) {
                long d = n.integer();
                if (d <= 0) {
                    throw n.error("must be > 0 ms, got " + d);
                }
                if (durations.contains(d)) {
                    throw n.error("duration " + d + " ms is listed twice");
                }
                durations.add(d);
            }
        }
        List<Boolean> compat = new ArrayList<>();
        if (root.opt("xrbenchCompat") == null) {
            compat.add(false);
        } else {
            for (JsonNode n : nonEmptyItems(root.get("xrbenchCompat"))) {
                boolean b = n.bool();
                if (compat.contains(b)) {
                    throw n.error(b + " is listed twice");
                }
                compat.add(b);
            }
        }
        Map<String, String> properties = root.opt("properties") == null ? Map.of()
                : properties(root.get("properties"));
        for (Map.Entry<String, JsonNode> e : root.opt("properties") == null ? List.<Map.Entry<String, JsonNode>>of()
                : root.get("properties").entries()) {
            if (!e.getKey().startsWith("engine.")) {
                throw e.getValue().error("only engine.* properties apply to every point; give scheduler "
                        + "properties in $.schedulers[i].properties");
            }
        }
        List<String> reports = new ArrayList<>();
        if (root.opt("reports") == null) {
            reports.add("json");
        } else {
            for (JsonNode n : nonEmptyItems(root.get("reports"))) {
                String id = nonEmpty(n);
                if (reports.contains(id)) {
                    throw n.error("reporter '" + id + "' is listed twice");
                }
                reports.add(id);
            }
            if (!reports.contains("json")) {
                throw root.get("reports").error("must include \"json\": the sweep reads each point's summary.json");
            }
        }
        String baseline = schedulers.get(0).label();
        if (root.opt("baseline") != null) {
            JsonNode b = root.get("baseline");
            baseline = nonEmpty(b);
            String wanted = baseline;
            if (schedulers.stream().noneMatch(s -> s.label().equals(wanted))) {
                throw b.error("'" + baseline + "' is not the label of a scheduler of $.schedulers; known: "
                        + schedulers.stream().map(SweepSpec.SchedulerChoice::label).toList());
            }
        }
        int maxPoints = DEFAULT_MAX_POINTS;
        if (root.opt("maxPoints") != null) {
            JsonNode m = root.get("maxPoints");
            long l = m.integer();
            if (l < 1 || l > MAX_POINTS_LIMIT) {
                throw m.error("must be in [1, " + MAX_POINTS_LIMIT + "], got " + l);
            }
            maxPoints = (int) l;
        }
        Map<String, Set<String>> dimensionValues = dimensionValues(schedulers, scenarios, platforms, seeds, durations,
                compat);
        List<SweepSpec.Filter> include = filters(root.opt("include"), dimensionValues);
        List<SweepSpec.Filter> exclude = filters(root.opt("exclude"), dimensionValues);
        return new SweepSpec(source, baseDir, name, schedulers, scenarios, platforms, seeds, durations, compat,
                properties, reports, baseline, include, exclude, maxPoints);
    }

    private static List<SweepSpec.SchedulerChoice> schedulers(JsonNode list) {
        List<SweepSpec.SchedulerChoice> out = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (JsonNode n : nonEmptyItems(list)) {
            SweepSpec.SchedulerChoice c;
            if (isString(n)) {
                String id = nonEmpty(n);
                c = new SweepSpec.SchedulerChoice(id, id, Map.of(), n.path());
            } else {
                n.onlyKeys(Set.of("id", "label", "properties"));
                String id = nonEmpty(n.get("id"));
                String label = n.opt("label") == null ? id : nonEmpty(n.get("label"));
                Map<String, String> props = n.opt("properties") == null ? Map.of() : properties(n.get("properties"));
                c = new SweepSpec.SchedulerChoice(label, id, props, n.path());
            }
            if (!labels.add(c.label())) {
                throw n.error("scheduler label '" + c.label() + "' is used twice; give each property set its own "
                        + "\"label\"");
            }
            out.add(c);
        }
        return out;
    }

    private static List<SweepSpec.PlatformChoice> platforms(JsonNode list, Path baseDir) {
        List<SweepSpec.PlatformChoice> out = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (JsonNode n : nonEmptyItems(list)) {
            SweepSpec.PlatformChoice c;
            if (isString(n)) {
                String id = nonEmpty(n);
                c = new SweepSpec.PlatformChoice(id, id, null, Map.of(), n.path());
            } else {
                n.onlyKeys(Set.of("name", "template", "parameters"));
                String name = nonEmpty(n.get("name"));
                if (!name.matches("[A-Za-z0-9._-]+")) {
                    throw n.get("name").error("template name may only use A-Z a-z 0-9 . _ -, got '" + name + "'");
                }
                Path template = baseDir.resolve(nonEmpty(n.get("template"))).normalize();
                Map<String, List<JsonPrimitive>> params = new LinkedHashMap<>();
                JsonNode p = n.get("parameters");
                if (p.entries().isEmpty()) {
                    throw p.error("a template needs at least one parameter (a platform without any is a file: give"
                            + " its path as a string)");
                }
                for (Map.Entry<String, JsonNode> e : p.entries()) {
                    if (!e.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) {
                        throw e.getValue().error("parameter names are letters, digits and _, starting with a letter");
                    }
                    if (FIXED_DIMENSIONS.contains(e.getKey())) {
                        throw e.getValue().error("'" + e.getKey() + "' is a dimension of every point; name the"
                                + " parameter otherwise");
                    }
                    List<JsonPrimitive> values = new ArrayList<>();
                    for (JsonNode vn : nonEmptyItems(e.getValue())) {
                        JsonPrimitive value = primitive(vn);
                        if (values.contains(value)) {
                            throw vn.error("value " + value + " is listed twice");
                        }
                        values.add(value);
                    }
                    params.put(e.getKey(), values);
                }
                c = new SweepSpec.PlatformChoice(name, null, template, params, n.path());
            }
            if (!labels.add(c.label())) {
                throw n.error("platform '" + c.label() + "' is listed twice");
            }
            out.add(c);
        }
        return out;
    }

    private static List<Long> seeds(JsonNode n) {
        List<Long> seeds = new ArrayList<>();
        if (n == null) {
            seeds.add(1L);
            return seeds;
        }
        if (!isArray(n)) {
            n.onlyKeys(Set.of("from", "to"));
            long from = n.get("from").integer();
            long to = n.get("to").integer();
            if (from < 0 || to < from) {
                throw n.error("needs 0 <= from <= to, got from " + from + ", to " + to);
            }
            if (to - from >= MAX_POINTS_LIMIT) {
                throw n.error("more than " + MAX_POINTS_LIMIT + " seeds");
            }
            for (long s = from; s <= to; s++) {
                seeds.add(s);
            }
            return seeds;
        }
        for (JsonNode s : nonEmptyItems(n)) {
            long seed = s.integer();
            if (seed < 0) {
                throw s.error("seeds are >= 0, got " + seed);
            }
            if (seeds.contains(seed)) {
                throw s.error("seed " + seed + " is listed twice");
            }
            seeds.add(seed);
        }
        return seeds;
    }

    private static Map<String, Set<String>> dimensionValues(List<SweepSpec.SchedulerChoice> schedulers,
                                                            List<SweepSpec.ScenarioChoice> scenarios,
                                                            List<SweepSpec.PlatformChoice> platforms, List<Long> seeds,
                                                            List<Long> durations, List<Boolean> compat) {
        Map<String, Set<String>> v = new LinkedHashMap<>();
        v.put("scheduler", new LinkedHashSet<>(schedulers.stream().map(SweepSpec.SchedulerChoice::label).toList()));
        v.put("scenario", new LinkedHashSet<>(scenarios.stream().map(SweepSpec.ScenarioChoice::id).toList()));
        v.put("platform", new LinkedHashSet<>(platforms.stream().map(SweepSpec.PlatformChoice::label).toList()));
        v.put("seed", new LinkedHashSet<>(seeds.stream().map(String::valueOf).toList()));
        v.put("durationMs", new LinkedHashSet<>(durations.stream().map(String::valueOf).toList()));
        v.put("xrbenchCompat", new LinkedHashSet<>(compat.stream().map(String::valueOf).toList()));
        for (SweepSpec.PlatformChoice p : platforms) {
            p.parameters().forEach((k, values) -> values.forEach(x -> v.computeIfAbsent(k, key -> new LinkedHashSet<>())
                    .add(x.getAsString())));
        }
        return v;
    }

    private static List<SweepSpec.Filter> filters(JsonNode list, Map<String, Set<String>> dimensionValues) {
        List<SweepSpec.Filter> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (JsonNode f : list.items()) {
            f.onlyKeys(dimensionValues.keySet());
            if (f.entries().isEmpty()) {
                throw f.error("an empty filter matches every point; name at least one dimension");
            }
            Map<String, String> match = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : f.entries()) {
                String value = primitive(e.getValue()).getAsString();
                Set<String> known = dimensionValues.get(e.getKey());
                if (!known.contains(value)) {
                    throw e.getValue().error("'" + value + "' is no value of " + e.getKey() + "; known: " + known);
                }
                match.put(e.getKey(), value);
            }
            out.add(new SweepSpec.Filter(match, f.path()));
        }
        return out;
    }

    /** @return properties as text: strings as given, numbers and booleans in their JSON spelling */
    private static Map<String, String> properties(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : n.entries()) {
            if (e.getKey().isBlank()) {
                throw e.getValue().error("empty property key");
            }
            out.put(e.getKey(), primitive(e.getValue()).getAsString());
        }
        return out;
    }

    /** @return a string, boolean or number value; anything else is an error */
    static JsonPrimitive primitive(JsonNode n) {
        if (isString(n)) {
            return new JsonPrimitive(n.string());
        }
        try {
            return new JsonPrimitive(n.bool());
        } catch (InvalidInputException notBoolean) {
            try {
                return new JsonPrimitive(n.integer());
            } catch (InvalidInputException notInteger) {
                try {
                    return new JsonPrimitive(n.number());
                } catch (InvalidInputException notNumber) {
                    throw n.error("expected a string, number or boolean");
                }
            }
        }
    }

    private static boolean isString(JsonNode n) {
        try {
            n.string();
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static boolean isArray(JsonNode n) {
        try {
            n.items();
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private static List<JsonNode> nonEmptyItems(JsonNode n) {
        List<JsonNode> items = n.items();
        if (items.isEmpty()) {
            throw n.error("must not be empty: the sweep's product would have no point");
        }
        return items;
    }

    private static String nonEmpty(JsonNode n) {
        String s = n.string();
        if (s.isBlank()) {
            throw n.error("must not be empty");
        }
        return s;
    }
}
