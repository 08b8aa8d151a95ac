package org.rtmmlab.sweep;

import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.scheduler.SchedulerPolicy;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.LabVersion;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.json.PlatformFiles;

/**
 * The points of a sweep: expands templates (instances written under {@code <out>/platforms/}), resolves every id
 * against the plugins (an unknown one is an error at its JSON path, before any point runs), and enumerates the
 * filtered cartesian product in file order: scheduler, scenario, platform (template instance), seed, duration,
 * compatibility mode, the last varying fastest.
 *
 * @param spec   the sweep file
 * @param points the points, in product order, ids unique
 */
public record SweepPlan(SweepSpec spec, List<SweepPoint> points) {

    /** Directory under the output directory where template instances are written. */
    public static final String PLATFORMS_DIR = "platforms";

    /** One platform of the product: a label for results, the id or file to run, and its input files. */
    private record PlatformPoint(String label, String id, Map<String, String> parameters, List<InputFile> inputs) {
    }

    /**
     * @param spec    the sweep file as read
     * @param out     the sweep's output directory
     * @param catalog the plugins ids resolve against
     * @return the plan
     * @throws InvalidInputException naming the sweep file and JSON path of what is wrong
     */
    public static SweepPlan build(SweepSpec spec, Path out, PluginCatalog catalog) {
        Evaluator evaluator = new Evaluator(catalog);
        String src = spec.source();
        for (int i = 0; i < spec.reports().size(); i++) {
            try {
                catalog.reporter(spec.reports().get(i));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(src, "$.reports[" + i + "]", e.getMessage());
            }
        }
        Map<String, List<InputFile>> scenarioInputs = new LinkedHashMap<>();
        for (SweepSpec.ScenarioChoice s : spec.scenarios()) {
            try {
                evaluator.scenario(s.id());
                scenarioInputs.put(s.id(), inputs(s.id()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(src, s.path(), e.getMessage());
            }
        }
        Map<String, Map<String, String>> propertiesOf = new LinkedHashMap<>();
        for (SweepSpec.SchedulerChoice c : spec.schedulers()) {
            Map<String, String> props = new TreeMap<>(spec.properties());
            props.putAll(c.properties());
            try {
                SchedulerPolicy policy = catalog.scheduler(c.id());
                Evaluator.checkPropertyKeys(policy, props);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(src, c.path(), e.getMessage());
            }
            propertiesOf.put(c.label(), props);
        }
        List<PlatformPoint> platforms = new ArrayList<>();
        for (SweepSpec.PlatformChoice p : spec.platforms()) {
            if (p.template() == null) {
                try {
                    evaluator.platform(p.id());
                    platforms.add(new PlatformPoint(p.label(), p.id(), Map.of(), inputs(p.id())));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(src, p.path(), e.getMessage());
                }
            } else {
                platforms.addAll(instances(spec, p, out, evaluator));
            }
        }
        List<String> parameterNames = new ArrayList<>();
        for (PlatformPoint p : platforms) {
            for (String k : p.parameters().keySet()) {
                if (!parameterNames.contains(k)) {
                    parameterNames.add(k);
                }
            }
        }
        long product = 1;
        for (long n : new long[] {spec.schedulers().size(), spec.scenarios().size(), platforms.size(),
            spec.seeds().size(), spec.durationsMs().size(), spec.compat().size()}) {
            product = Math.multiplyExact(product, n);
        }
        if (spec.include().isEmpty() && spec.exclude().isEmpty() && product > spec.maxPoints()) {
            throw new InvalidInputException(src, "$", "the product has " + product + " points, over $.maxPoints = "
                    + spec.maxPoints() + "; raise maxPoints (at most " + SweepSpecReader.MAX_POINTS_LIMIT
                    + ") or filter");
        }
        if (product > 10L * SweepSpecReader.MAX_POINTS_LIMIT) {
            throw new InvalidInputException(src, "$", "the product has " + product + " points before filters; at "
                    + "most " + 10L * SweepSpecReader.MAX_POINTS_LIMIT + " can be enumerated");
        }
        String version = LabVersion.get();
        List<SweepPoint> points = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (SweepSpec.SchedulerChoice sch : spec.schedulers()) {
            for (SweepSpec.ScenarioChoice sc : spec.scenarios()) {
                for (PlatformPoint pl : platforms) {
                    for (long seed : spec.seeds()) {
                        for (long ms : spec.durationsMs()) {
                            for (boolean compat : spec.compat()) {
                                Map<String, String> dims = new LinkedHashMap<>();
                                dims.put("scheduler", sch.label());
                                dims.put("scenario", sc.id());
                                dims.put("platform", pl.label());
                                for (String k : parameterNames) {
                                    dims.put(k, pl.parameters().getOrDefault(k, ""));
                                }
                                dims.put("seed", Long.toString(seed));
                                dims.put("durationMs", Long.toString(ms));
                                dims.put("xrbenchCompat", Boolean.toString(compat));
                                if (!spec.include().isEmpty() && spec.include().stream().noneMatch(f -> f.matches(dims))
                                        || spec.exclude().stream().anyMatch(f -> f.matches(dims))) {
                                    continue;
                                }
                                if (points.size() == spec.maxPoints()) {
                                    throw new InvalidInputException(src, "$", "the sweep has more than $.maxPoints = "
                                            + spec.maxPoints() + " points (" + product + " before filters); raise "
                                            + "maxPoints (at most " + SweepSpecReader.MAX_POINTS_LIMIT + ") or filter");
                                }
                                RunConfig config = new RunConfig(sc.id(), pl.id(), sch.id(), seed, ms * 1_000_000L,
                                        compat, propertiesOf.get(sch.label()), spec.reports());
                                List<InputFile> inputs = new ArrayList<>(scenarioInputs.get(sc.id()));
                                inputs.addAll(pl.inputs());
                                String id = PointId.of(version, config, inputs);
                                if (!ids.add(id)) {
                                    throw new InvalidInputException(src, sch.path(), "two points run the same "
                                            + "configuration (" + dims + "); scheduler labels with equal properties?");
                                }
                                points.add(new SweepPoint(id, config, dims, List.copyOf(inputs)));
                            }
                        }
                    }
                }
            }
        }
        if (points.isEmpty()) {
            throw new InvalidInputException(src, spec.include().isEmpty() ? "$.exclude" : "$.include",
                    "the filters leave no point to run");
        }
        return new SweepPlan(spec, List.copyOf(points));
    }

    /** @return the dimension names of the points, in CSV column order */
    public List<String> dimensions() {
        return List.copyOf(points.get(0).dimensions().keySet());
    }

    private static List<InputFile> inputs(String id) {
        if (!id.endsWith(".json")) {
            return List.of();
        }
        try {
            return List.of(InputFile.local(Path.of(id)));
        } catch (IOException e) {
            throw new InvalidInputException(id, "", "cannot read: " + e.getMessage());
        }
    }

    /** Fills a template with every combination of its parameters and writes each instance once. */
    private static List<PlatformPoint> instances(SweepSpec spec, SweepSpec.PlatformChoice p, Path out,
                                                 Evaluator evaluator) {
        PlatformTemplate t;
        try {
            t = PlatformTemplate.read(p.template());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(spec.source(), p.path() + ".template", e.getMessage());
        }
        for (String name : p.parameters().keySet()) {
            if (!t.placeholders().contains(name)) {
                throw new InvalidInputException(spec.source(), p.path() + ".parameters." + name, "template "
                        + t.source() + " has no placeholder ${" + name + "}; it has " + t.placeholders());
            }
        }
        for (String name : t.placeholders()) {
            if (!p.parameters().containsKey(name)) {
                throw new InvalidInputException(t.source(), t.firstUse(name), "placeholder ${" + name + "} has no "
                        + "values in " + spec.source() + " " + p.path() + ".parameters");
            }
        }
        List<Map<String, JsonPrimitive>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonPrimitive>> e : p.parameters().entrySet()) {
            List<Map<String, JsonPrimitive>> next = new ArrayList<>();
            for (Map<String, JsonPrimitive> c : combos) {
                for (JsonPrimitive v : e.getValue()) {
                    Map<String, JsonPrimitive> m = new LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        Path dir = out.resolve(PLATFORMS_DIR);
        List<PlatformPoint> result = new ArrayList<>();
        for (Map<String, JsonPrimitive> combo : combos) {
            StringBuilder file = new StringBuilder(p.label());
            Map<String, String> text = new LinkedHashMap<>();
            combo.forEach((k, v) -> {
                text.put(k, v.getAsString());
                file.append('-').append(k).append('=').append(v.getAsString().replaceAll("[^A-Za-z0-9._-]", "_"));
            });
            String label = p.label() + text;
            String json;
            try {
                json = t.fill(combo);
                PlatformFiles.parse(label, new StringReader(json)); // a bad instance fails before any point runs
            } catch (InvalidInputException e) {
                throw new InvalidInputException(spec.source(), p.path(), "instance " + text + " of template "
                        + t.source() + ": " + e.getMessage());
            }
            Path target = dir.resolve(file + ".json");
            write(target, json);
            String id = target.toString();
            try {
                evaluator.platform(id);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(spec.source(), p.path(), "instance " + text + ": " + e.getMessage());
            }
            result.add(new PlatformPoint(p.label(), id, text, List.of(InputFile.shipped(id, json))));
        }
        return result;
    }

    /** Writes {@code text} to {@code target} through a temporary file and an atomic rename, unless already there. */
    static void write(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidInputException(target.toString(), "", "cannot write: " + e.getMessage());
        }
    }
}
