package org.rtmmlab.accelerator.table;

import com.google.gson.stream.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.platform.LayerCost;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.json.JsonNode;
import org.rtmmlab.json.PlatformFiles;

/**
 * The bundled cost data: {@code costs.json} (per-layer [cycles, nJ] of 19 MAESTRO sub-accelerators),
 * {@code models.json} (the layer shapes the tables are in order of), the measured profile
 * {@code measured/h100.json} ({@link MeasuredProfiles}) and the platform files under {@code platforms/} (listed in
 * {@code platforms/index.txt}, read with {@link PlatformFiles}): the 26 XRBench Figure-5 settings and
 * {@code measured/h100}. Immutable; {@link #shared()} parses each part of the resources on its first use, once per
 * class loader (thread-safe).
 */
final class TableData {

    /** Per-layer cost tables, next to this class. */
    static final String COSTS = "costs.json";
    /** Layer lists the cost tables follow, next to this class. */
    static final String MODELS = "models.json";
    /** Measured H100 profile, next to this class. */
    static final String H100 = "measured/h100.json";
    /** Names of the platform files, one a line, in listing order. */
    static final String PLATFORM_INDEX = "platforms/index.txt";

    private static final Once<List<Platform>> PLATFORMS = new Once<>(TableData::platformFiles);
    private static final Once<Map<String, List<LayerKey>>> SHAPES = new Once<>(
            () -> shapes(JsonNode.resource(TableData.class, MODELS)));
    private static final Once<Maestro> MAESTRO = new Once<>(() -> Maestro.resource(SHAPES.get()));
    private static final Once<Map<String, CostTable>> MEASURED = new Once<>(
            () -> Collections.unmodifiableMap(MeasuredProfiles.tables("h100",
                    JsonNode.resource(TableData.class, H100), SHAPES.get())));
    private static final TableData SHARED = new TableData(MAESTRO, MEASURED, PLATFORMS);

    private final Once<Maestro> tables;
    private final Once<Map<String, CostTable>> measured;
    private final Once<List<Platform>> platforms;

    private TableData(Once<Maestro> tables, Once<Map<String, CostTable>> measured,
                      Once<List<Platform>> platforms) {
        this.tables = tables;
        this.measured = measured;
        this.platforms = platforms;
    }

    /**
     * @return the data of the bundled resources; each part (platform files, MAESTRO tables, measured tables) is
     *         parsed on its first use, and each MAESTRO table built on its first use, so listing platforms or
     *         replaying one table does not parse the other files nor build the other 18 tables (issue 15: no work
     *         before it is needed)
     */
    static TableData shared() {
        return SHARED;
    }

    /** @return MAESTRO tables built from parsed {@code models.json} and {@code costs.json}; no platforms */
    static TableData of(JsonNode models, JsonNode costs) {
        JsonNode tables = costs.get("costs");
        Maestro parsed = new Maestro(costs.get("accelerators"), id -> tables.get(id), shapes(models));
        parsed.all(); // every table built and checked now
        return new TableData(new Once<>(() -> parsed), new Once<>(Map::of), new Once<>(List::of));
    }

    /** @return the MAESTRO cost tables by id, in document order */
    Map<String, CostTable> tables() {
        return tables.get().all();
    }

    /** @return the measured tables by id ({@code measured/h100-fp16}, {@code measured/h100-fp32}) */
    Map<String, CostTable> measured() {
        return measured.get();
    }

    /** @return the MAESTRO or measured table {@code id}, or null */
    CostTable table(String id) {
        CostTable t = tables.get().table(id);
        return t != null ? t : measured().get(id);
    }

    /** @return every table id, MAESTRO first, for messages */
    List<String> tableIds() {
        List<String> ids = new ArrayList<>(tables.get().ids());
        ids.addAll(measured().keySet());
        return ids;
    }

    /** @return the bundled platforms: 26 XRBench Figure-5 settings, then {@code measured/h100} */
    List<Platform> platforms() {
        return platforms.get();
    }

    /**
     * A value computed on first use, once, thread-safe. A computation that throws is tried again at the next use
     * (it throws the same input error again: the resources do not change).
     */
    private static final class Once<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Once(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = compute.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    private static List<Platform> platformFiles() {
        return List.copyOf(readPlatformFiles());
    }

    private static List<Platform> readPlatformFiles() {
        List<Platform> out = new ArrayList<>();
        for (String name : lines(PLATFORM_INDEX)) {
            String resource = "platforms/" + name;
            InputStream in = TableData.class.getResourceAsStream(resource);
            if (in == null) {
                throw new InvalidInputException(PLATFORM_INDEX, name, "platform file not found next to "
                        + TableData.class.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                out.add(PlatformFiles.parse(resource, reader));
            } catch (IOException e) {
                throw new InvalidInputException(resource, "", "cannot read: " + e.getMessage());
            }
        }
        return out;
    }

    /** @return a UTF-8 resource next to this class, whole */
    private static String text(String resource) {
        InputStream in = TableData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new InvalidInputException(resource, "", "resource not found next to " + TableData.class.getName());
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(resource, "", "cannot read resource: " + e.getMessage());
        }
    }

    private static List<String> lines(String resource) {
        InputStream in = TableData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new InvalidInputException(resource, "", "resource not found next to " + TableData.class.getName());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new InvalidInputException(resource, "", "cannot read: " + e.getMessage());
        }
    }

    static Map<String, List<LayerKey>> shapes(JsonNode root) {
        Map<String, List<LayerKey>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> m : root.get("models").entries()) {
            List<LayerKey> keys = new ArrayList<>();
            for (JsonNode l : m.getValue().get("layers").items()) {
                JsonNode type = l.get("type");
                if (!"CONV".equals(type.string())) {
                    throw type.error("the cost tables hold CONV layers only, got '" + type.string() + "'");
                }
                keys.add(new LayerKey(OpType.CONV, 1, dim(l, "N"), dim(l, "K"), dim(l, "C"), dim(l, "Y"),
                        dim(l, "X"), dim(l, "R"), dim(l, "S")));
            }
            out.put(m.getKey(), List.copyOf(keys));
        }
        return out;
    }

    private static int dim(JsonNode layer, String name) {
        JsonNode n = layer.get(name);
        int v = n.intValue();
        if (v <= 0) {
            throw n.error(name + " must be > 0, got " + v);
        }
        return v;
    }

    /**
     * The MAESTRO tables of {@code costs.json}: accelerators indexed by id at once (a duplicate id is an error then),
     * each table checked and built on its first use. Thread-safe.
     */
    private static final class Maestro {
        /** The cost lists of one accelerator ({@code $.costs.<id>}), by accelerator id. */
        private final java.util.function.Function<String, JsonNode> costs;
        private final Map<String, List<LayerKey>> shapes;
        /** The accelerator entries by id, in document order. */
        private final Map<String, JsonNode> accelerators = new LinkedHashMap<>();
        private final Map<String, CostTable> built = new java.util.concurrent.ConcurrentHashMap<>();

        Maestro(JsonNode accelerators, java.util.function.Function<String, JsonNode> costs,
                Map<String, List<LayerKey>> shapes) {
            this.costs = costs;
            this.shapes = shapes;
            for (JsonNode acc : accelerators.items()) {
                JsonNode idNode = acc.get("id");
                String id = idNode.string();
                if (this.accelerators.containsKey(id)) {
                    throw idNode.error("duplicate accelerator id '" + id + "'");
                }
                this.accelerators.put(id, acc);
            }
        }

        /**
         * @return the tables of the bundled {@code costs.json}, read as text once; its accelerator list is parsed now,
         *         the cost lists of one accelerator when its table is first built, the other 18 skipped by a streaming
         *         reader: the file is 0.7 MB, and parsing all of it into a tree was a fifth of a one-cell run's start
         *         (issue 15)
         */
        static Maestro resource(Map<String, List<LayerKey>> shapes) {
            String text = text(COSTS);
            JsonNode accelerators = null;
            try {
                JsonReader in = reader(text);
                in.beginObject();
                while (in.hasNext()) {
                    if (in.nextName().equals("accelerators")) {
                        accelerators = JsonNode.readValue(COSTS, in);
                    } else {
                        in.skipValue();
                    }
                }
            } catch (IOException | IllegalStateException e) {
                throw new InvalidInputException(COSTS, "$", "malformed JSON: " + e.getMessage());
            }
            if (accelerators == null) {
                throw new InvalidInputException(COSTS, "$", "missing member 'accelerators'");
            }
            return new Maestro(accelerators, id -> costsOf(text, id), shapes);
        }

        /** @return the ids, in document order */
        java.util.Set<String> ids() {
            return Collections.unmodifiableSet(accelerators.keySet());
        }

        /** @return the table {@code id}, built now if not yet, or null if there is none */
        CostTable table(String id) {
            JsonNode acc = accelerators.get(id);
            return acc == null ? null : built.computeIfAbsent(id, k -> TableData.table(acc, costs.apply(id), shapes));
        }

        /** @return every table by id, in document order */
        Map<String, CostTable> all() {
            Map<String, CostTable> out = new LinkedHashMap<>();
            for (String id : accelerators.keySet()) {
                out.put(id, table(id));
            }
            return Collections.unmodifiableMap(out);
        }
    }

    /** @return {@code $.costs.<id>} of the {@code costs.json} text, the rest skipped unparsed */
    static JsonNode costsOf(String text, String id) {
        try {
            JsonReader in = reader(text);
            in.beginObject();
            while (in.hasNext()) {
                if (!in.nextName().equals("costs")) {
                    in.skipValue();
                    continue;
                }
                in.beginObject();
                JsonNode found = null;
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (name.equals(id)) {
                        if (found != null) {
                            throw new InvalidInputException(COSTS, in.getPath(), "duplicate key '" + id
                                    + "' (a key may appear once per object)");
                        }
                        found = JsonNode.readValue(COSTS, in);
                    } else {
                        in.skipValue();
                    }
                }
                if (found == null) {
                    throw new InvalidInputException(COSTS, "$.costs", "missing member '" + id + "'");
                }
                return found;
            }
        } catch (IOException | IllegalStateException e) {
            throw new InvalidInputException(COSTS, "$", "malformed JSON: " + e.getMessage());
        }
        throw new InvalidInputException(COSTS, "$", "missing member 'costs'");
    }

    private static JsonReader reader(String text) {
        JsonReader in = new JsonReader(new java.io.StringReader(text));
        in.setStrictness(com.google.gson.Strictness.STRICT);
        return in;
    }

    /** @return the table of accelerator entry {@code acc} with its cost lists {@code perModel} ({@code $.costs.<id>}) */
    private static CostTable table(JsonNode acc, JsonNode perModel, Map<String, List<LayerKey>> shapes) {
        String id = acc.get("id").string();
        JsonNode pes = acc.get("num_pes");
        if (pes.intValue() <= 0) {
            throw pes.error("num_pes must be > 0");
        }
        List<JsonNode> bw = acc.get("noc_bw").items();
        if (bw.isEmpty() || !(bw.get(0).number() > 0)) {
            throw acc.get("noc_bw").error("needs a positive first (top-level) bandwidth");
        }
        JsonNode df = acc.get("dataflow");
        Dataflow dataflow;
        try {
            dataflow = Dataflow.valueOf(df.string());
        } catch (IllegalArgumentException e) {
            throw df.error("unknown dataflow '" + df.string() + "'");
        }
        Map<String, List<LayerKey>> keys = new LinkedHashMap<>();
        Map<String, List<LayerCost>> layerCosts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> m : perModel.entries()) {
            List<LayerKey> modelKeys = shapes.get(m.getKey());
            if (modelKeys == null) {
                throw m.getValue().error("model '" + m.getKey() + "' is not in " + MODELS);
            }
            keys.put(m.getKey(), modelKeys);
            layerCosts.put(m.getKey(), layerCosts(m.getValue(), modelKeys.size()));
        }
        return new CostTable(id, pes.intValue(), bw.get(0).number(), dataflow, keys, layerCosts);
    }

    private static List<LayerCost> layerCosts(JsonNode list, int expected) {
        List<JsonNode> pairs = list.items();
        if (pairs.size() != expected) {
            throw list.error(pairs.size() + " cost entries but the model has " + expected + " layers in " + MODELS);
        }
        List<LayerCost> out = new ArrayList<>(pairs.size());
        for (JsonNode pair : pairs) {
            List<JsonNode> v = pair.items();
            if (v.size() != 2) {
                throw pair.error("expected [latency_cycles, energy_nJ]");
            }
            long cycles = v.get(0).integer();
            double nj = v.get(1).number();
            if (cycles < 0 || nj < 0) {
                throw pair.error("latency and energy must be >= 0");
            }
            out.add(new LayerCost(cycles, nj * 1000.0)); // 1 cycle = 1 ns at the implicit 1 GHz; nJ -> pJ
        }
        return List.copyOf(out);
    }
}
