package org.rtmmlab.scheduler.rtmdl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.json.JsonNode;

/**
 * RT-mDL's execution strategy (issue 13): per task id, the model variant to run and the task's priority (higher =
 * more important), optionally the variants kept on the device ({@code kept}, which must contain the one it runs;
 * the optimiser's storage bound counts them), optionally each variant's profiled GPU utilisation
 * ({@code utilByVariant}, written by the optimiser), and optionally its GPU spatial utilisation {@code util} in
 * (0, 1] (the fraction of the GPU its kernels keep busy, used by the packing rule; it overrides
 * {@code utilByVariant}). Tasks the file does not name keep variant 0 (full model), their scenario priority and the
 * scheduler's default utilisation.
 *
 * <pre>{"version": 1, "tasks": {"detect": {"variant": "w0.75", "priority": 3, "util": 0.4,
 *     "kept": ["w0.75", "w0.5", "w0.25"]}, ...}}</pre>
 *
 * @param tasks per task id, its entry (sorted by id)
 */
record Strategy(Map<String, Entry> tasks) {

    /**
     * One task's strategy: variant id ({@code full} or null = full model), priority (0 = scenario's), util (NaN =
     * default), the variant ids kept on the device (empty = not stated; else the variant must be among them), and
     * the profiled utilisation per variant id (used for the variant the task runs when {@code util} is not given).
     */
    record Entry(String variant, int priority, double util, List<String> kept, Map<String, Double> utilByVariant) {
        Entry {
            kept = List.copyOf(kept);
            utilByVariant = Collections.unmodifiableMap(new TreeMap<>(utilByVariant));
        }
    }

    /** No entries: every task as the scenario gives it. */
    static final Strategy NONE = new Strategy(Map.of());

    private static final Set<String> TOP = Set.of("version", "tasks", "notes");
    private static final Set<String> ENTRY = Set.of("variant", "priority", "util", "kept", "utilByVariant", "notes");

    Strategy {
        tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
    }

    /** @return the strategy in {@code file} @throws InvalidInputException naming the file, JSON path and reason */
    static Strategy read(Path file) {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(source, r);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "", "strategy file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    /** @return the strategy in {@code json} */
    static Strategy parse(String source, Reader json) {
        JsonNode root = JsonNode.parse(source, json).onlyKeys(TOP);
        JsonNode version = root.get("version");
        if (version.integer() != 1) {
            throw version.error("unsupported version " + version.integer() + "; supported: 1");
        }
        Map<String, Entry> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("tasks").entries()) {
            JsonNode t = e.getValue().onlyKeys(ENTRY);
            String variant = t.opt("variant") == null ? null : t.get("variant").string();
            int priority = 0;
            if (t.opt("priority") != null) {
                priority = t.get("priority").intValue();
                if (priority <= 0) {
                    throw t.get("priority").error("must be > 0, got " + priority);
                }
            }
            double util = t.opt("util") == null ? Double.NaN : util(t.get("util"));
            Map<String, Double> byVariant = new TreeMap<>();
            if (t.opt("utilByVariant") != null) {
                for (Map.Entry<String, JsonNode> u : t.get("utilByVariant").entries()) {
                    byVariant.put(u.getKey(), util(u.getValue()));
                }
            }
            List<String> kept = new ArrayList<>();
            if (t.opt("kept") != null) {
                for (JsonNode k : t.get("kept").items()) {
                    if (kept.contains(k.string())) {
                        throw k.error("variant '" + k.string() + "' listed twice");
                    }
                    kept.add(k.string());
                }
                String runs = variant == null ? "full" : variant;
                if (!kept.contains(runs)) {
                    throw t.get("kept").error("does not contain the variant the task runs ('" + runs + "'): a task"
                            + " runs a variant kept on the device");
                }
            }
            out.put(e.getKey(), new Entry(variant, priority, util, kept, byVariant));
        }
        return new Strategy(out);
    }

    private static double util(JsonNode n) {
        double u = n.number();
        if (!(u > 0 && u <= 1)) {
            throw n.error("must be in (0, 1], got " + u);
        }
        return u;
    }
}
