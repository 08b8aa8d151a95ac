package org.rtmmlab.accelerator.analytic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.json.JsonNode;

/**
 * Compares the analytic model with XRBench's MAESTRO tables ({@code costs.json}: 19 sub-accelerators x 1,439
 * layers of the 12 {@code models.json} entries). Each {@code costs.json accelerators[]} entry becomes an
 * {@code analytic} accelerator with its {@code num_pes}, top NoC bandwidth and dataflow, the off-chip bandwidth
 * and buffer sizes of the first hw block that uses it ({@code config_map}), at the implicit 1 GHz (so ns =
 * cycles). Latency is the model's <em>on-chip</em> runtime ({@link LayerEstimate#onChipCycles()}) against MAESTRO's
 * cycles and energy the model's on-chip energy (computations, L1, L2) against MAESTRO's nJ, because MAESTRO has no
 * DRAM term; the report also counts the layers where the model's DRAM bound (the hw config's {@code offchip_bw} and
 * {@code global_shared_memory}) would exceed the on-chip runtime.
 *
 * <p>Figures per dataflow: median and p90 relative error of per-layer latency and energy (19 x 1,439 layers
 * split by dataflow), of per-model totals (accelerator x model), and over all dataflows the fraction of (model, PE
 * count, NoC bandwidth) groups that have all three dataflows in which the order of WS/OS/RS by total latency equals
 * MAESTRO's. Run {@link #main} with the directory of the three JSON files, or without arguments to read them from
 * the classpath (the table bundle's resources).
 */
public final class MaestroValidation {

    /** Classpath folder of the table bundle's resources. */
    static final String CLASSPATH_DIR = "org/rtmmlab/accelerator/table/";

    private static final Dataflow[] DATAFLOWS = {Dataflow.WS, Dataflow.OS, Dataflow.RS};

    private MaestroValidation() {
    }

    /**
     * Figures of one dataflow.
     *
     * @param dataflow     WS, OS or RS
     * @param layerLatency per-layer latency error
     * @param layerEnergy  per-layer energy error
     * @param modelLatency per-model total latency error
     * @param modelEnergy  per-model total energy error
     */
    public record DataflowFigures(Dataflow dataflow, ErrorStats layerLatency, ErrorStats layerEnergy,
                                  ErrorStats modelLatency, ErrorStats modelEnergy) {
    }

    /**
     * The validation result.
     *
     * @param dataflows     figures per dataflow, WS, OS, RS
     * @param rankingAgreed groups whose WS/OS/RS latency order equals MAESTRO's
     * @param rankingGroups groups compared
     * @param layers        (accelerator, layer) pairs compared
     * @param exactLatency  pairs whose cycles equal MAESTRO's exactly
     * @param exactEnergy   pairs whose energy equals MAESTRO's within 1e-9 relative
     * @param dramBound     pairs where the DRAM bound exceeds the on-chip runtime (not part of MAESTRO)
     * @param withDram      per-model latency error when the DRAM bound is included (all dataflows)
     */
    public record Report(List<DataflowFigures> dataflows, int rankingAgreed, int rankingGroups, int layers,
                         int exactLatency, int exactEnergy, int dramBound, ErrorStats withDram) {

        /** @return fraction of groups with MAESTRO's dataflow ranking */
        public double rankingAgreement() {
            return (double) rankingAgreed / rankingGroups;
        }

        /** @return the figures of {@code df} */
        public DataflowFigures of(Dataflow df) {
            return dataflows.stream().filter(f -> f.dataflow() == df).findFirst().orElseThrow();
        }

        /** @return a plain-text table of the figures */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append("Analytic model vs MAESTRO (relative error, median / p90)\n");
            sb.append(String.format(Locale.ROOT, "%-4s %-15s %-15s %-15s %-15s%n", "df", "layer latency",
                    "layer energy", "model latency", "model energy"));
            for (DataflowFigures f : dataflows) {
                sb.append(String.format(Locale.ROOT, "%-4s %-15s %-15s %-15s %-15s%n", f.dataflow(),
                        cell(f.layerLatency()), cell(f.layerEnergy()), cell(f.modelLatency()),
                        cell(f.modelEnergy())));
            }
            sb.append(String.format(Locale.ROOT, "dataflow ranking (WS/OS/RS by model latency) equal to MAESTRO's:"
                    + " %d / %d = %.1f%%%n", rankingAgreed, rankingGroups, 100 * rankingAgreement()));
            sb.append(String.format(Locale.ROOT, "layers equal to MAESTRO: latency %d / %d, energy %d / %d;"
                    + " DRAM-bound (not in MAESTRO): %d, model latency incl. DRAM: %s%n", exactLatency, layers,
                    exactEnergy, layers, dramBound, cell(withDram)));
            return sb.toString();
        }

        private static String cell(ErrorStats s) {
            return String.format(Locale.ROOT, "%.1f%% / %.1f%%", 100 * s.median(), 100 * s.p90());
        }
    }

    /**
     * Prints the table; {@code args[0]} = directory of models.json, costs.json, hardware.json (optional),
     * {@code args[1]} = halo rule ({@code maestro}, default, or {@code filter}).
     */
    public static void main(String[] args) {
        String rule = args.length > 1 ? args[1] : "maestro";
        Report r = args.length > 0
                ? run(file(Path.of(args[0]).resolve("models.json")), file(Path.of(args[0]).resolve("costs.json")),
                        file(Path.of(args[0]).resolve("hardware.json")), rule)
                : run(classpath("models.json"), classpath("costs.json"), classpath("hardware.json"), rule);
        System.out.print(r.table());
    }

    /** @return the validation on the table bundle's resources found on the class path */
    public static Report fromClasspath() {
        return run(classpath("models.json"), classpath("costs.json"), classpath("hardware.json"));
    }

    /** @return the validation on {@code dir/models.json}, {@code dir/costs.json}, {@code dir/hardware.json} */
    public static Report fromDirectory(Path dir) {
        return run(file(dir.resolve("models.json")), file(dir.resolve("costs.json")),
                file(dir.resolve("hardware.json")));
    }

    /** @return the validation on parsed {@code models.json}, {@code costs.json} and {@code hardware.json} */
    public static Report run(JsonNode models, JsonNode costs, JsonNode hardware) {
        return run(models, costs, hardware, "maestro");
    }

    /**
     * @param haloRule the accelerators' {@code haloRule} attribute ({@code maestro} or {@code filter}, see
     *                 {@link DirectiveAnalysis.HaloRule})
     * @return the validation on parsed {@code models.json}, {@code costs.json} and {@code hardware.json}
     */
    public static Report run(JsonNode models, JsonNode costs, JsonNode hardware, String haloRule) {
        Map<String, List<Layer>> layers = layers(models);
        Map<String, Accelerator> accelerators = accelerators(costs, hardware, haloRule);
        int count = 0;
        int exactLatency = 0;
        int exactEnergy = 0;
        int dramBound = 0;
        Values withDram = new Values();
        AnalyticAcceleratorModel model = new AnalyticAcceleratorModel();
        Map<Dataflow, Samples> samples = new LinkedHashMap<>();
        Map<String, double[]> totals = new LinkedHashMap<>(); // "<acc>|<model>" -> {ours, maestro}
        for (Map.Entry<String, Accelerator> e : accelerators.entrySet()) {
            Accelerator a = e.getValue();
            Samples s = samples.computeIfAbsent(a.dataflow(), k -> new Samples());
            for (Map.Entry<String, JsonNode> m : costs.get("costs").get(e.getKey()).entries()) {
                List<Layer> ls = layers.get(m.getKey());
                List<JsonNode> ref = m.getValue().items();
                if (ls == null || ls.size() != ref.size()) {
                    throw m.getValue().error("does not match the layers of models.json");
                }
                double ourLat = 0, ourEn = 0, refLat = 0, refEn = 0, ourLatDram = 0;
                for (int i = 0; i < ls.size(); i++) {
                    LayerEstimate est = model.estimate(ls.get(i), a);
                    double cycles = ref.get(i).items().get(0).number();
                    double pj = ref.get(i).items().get(1).number() * 1000;
                    s.layerLatency.add(ErrorStats.relative(est.onChipCycles(), cycles));
                    s.layerEnergy.add(ErrorStats.relative(est.onChipEnergyPj(), pj));
                    count++;
                    exactLatency += est.onChipCycles() == (long) cycles ? 1 : 0;
                    exactEnergy += ErrorStats.relative(est.onChipEnergyPj(), pj) <= 1e-9 ? 1 : 0;
                    dramBound += est.latencyCycles() > est.onChipCycles() ? 1 : 0;
                    ourLat += est.onChipCycles();
                    ourLatDram += est.latencyCycles();
                    ourEn += est.onChipEnergyPj();
                    refLat += cycles;
                    refEn += pj;
                }
                s.modelLatency.add(ErrorStats.relative(ourLat, refLat));
                withDram.add(ErrorStats.relative(ourLatDram, refLat));
                s.modelEnergy.add(ErrorStats.relative(ourEn, refEn));
                totals.put(e.getKey() + "|" + m.getKey(), new double[] {ourLat, refLat});
            }
        }
        List<DataflowFigures> figures = new ArrayList<>();
        for (Dataflow df : DATAFLOWS) {
            Samples s = samples.get(df);
            if (s != null) {
                figures.add(new DataflowFigures(df, s.layerLatency.stats(), s.layerEnergy.stats(),
                        s.modelLatency.stats(), s.modelEnergy.stats()));
            }
        }
        int[] ranking = ranking(accelerators, layers.keySet(), totals);
        return new Report(figures, ranking[0], ranking[1], count, exactLatency, exactEnergy, dramBound,
                withDram.stats());
    }

    /** @return {agreed, groups} over (model, PEs, NoC bandwidth) groups that have all three dataflows */
    private static int[] ranking(Map<String, Accelerator> accelerators, Iterable<String> models,
                                 Map<String, double[]> totals) {
        Map<String, Map<Dataflow, String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Accelerator> e : accelerators.entrySet()) {
            Accelerator a = e.getValue();
            groups.computeIfAbsent(a.peCount() + "/" + a.nocBandwidth(), k -> new LinkedHashMap<>())
                    .put(a.dataflow(), e.getKey());
        }
        int agreed = 0;
        int count = 0;
        for (Map<Dataflow, String> g : groups.values()) {
            if (g.size() < DATAFLOWS.length) {
                continue;
            }
            for (String m : models) {
                List<Dataflow> ours = order(g, m, totals, 0);
                List<Dataflow> ref = order(g, m, totals, 1);
                count++;
                if (ours.equals(ref)) {
                    agreed++;
                }
            }
        }
        return new int[] {agreed, count};
    }

    private static List<Dataflow> order(Map<Dataflow, String> group, String model, Map<String, double[]> totals,
                                        int column) {
        List<Dataflow> out = new ArrayList<>(List.of(DATAFLOWS));
        out.sort((x, y) -> Double.compare(totals.get(group.get(x) + "|" + model)[column],
                totals.get(group.get(y) + "|" + model)[column]));
        return out;
    }

    private static Map<String, List<Layer>> layers(JsonNode root) {
        Map<String, List<Layer>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> m : root.get("models").entries()) {
            List<Layer> ls = new ArrayList<>();
            for (JsonNode l : m.getValue().get("layers").items()) {
                try {
                    ls.add(Layer.conv("l" + ls.size(), l.get("N").intValue(), l.get("K").intValue(),
                            l.get("C").intValue(), l.get("Y").intValue(), l.get("X").intValue(),
                            l.get("R").intValue(), l.get("S").intValue()));
                } catch (InvalidInputException e) {
                    throw l.relocate(e);
                }
            }
            out.put(m.getKey(), ls);
        }
        return out;
    }

    private static Map<String, Accelerator> accelerators(JsonNode costs, JsonNode hardware, String haloRule) {
        Map<String, JsonNode> hwBlock = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> c : costs.get("config_map").entries()) {
            List<JsonNode> blocks = hardware.get("hw_configs").get(c.getValue().get("hw_config").string())
                    .get("accelerators").items();
            List<JsonNode> ids = c.getValue().get("accelerator_ids").items();
            for (int i = 0; i < ids.size(); i++) {
                hwBlock.putIfAbsent(ids.get(i).string(), blocks.get(Math.min(i, blocks.size() - 1)));
            }
        }
        Map<String, Accelerator> out = new LinkedHashMap<>();
        for (JsonNode acc : costs.get("accelerators").items()) {
            String id = acc.get("id").string();
            JsonNode hw = hwBlock.get(id);
            if (hw == null) {
                throw acc.error("accelerator " + id + " is used by no config_map entry");
            }
            out.put(id, Accelerator.builder(id, AnalyticAcceleratorModel.ID)
                    .peCount(acc.get("num_pes").intValue())
                    .dataflow(Dataflow.valueOf(acc.get("dataflow").string()))
                    .clockHz(1e9)
                    .nocBandwidth(acc.get("noc_bw").items().get(0).number())
                    .offchipBandwidth(hw.get("offchip_bw").number())
                    .l1Bytes(hw.get("PE_local_memory").integer())
                    .l2Bytes(hw.get("global_shared_memory").integer())
                    .attribute(AnalyticEstimator.HALO, haloRule)
                    .build());
        }
        return out;
    }

    private static JsonNode classpath(String name) {
        InputStream in = MaestroValidation.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + name);
        if (in == null) {
            throw new InvalidInputException(CLASSPATH_DIR + name, "",
                    "not on the class path (add rtmm-accelerator-table, or pass the data directory)");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonNode.parse(name, r);
        } catch (IOException e) {
            throw new InvalidInputException(name, "", "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode file(Path path) {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return JsonNode.parse(path.getFileName().toString(), r);
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), "", "cannot read: " + e.getMessage());
        }
    }

    /** Relative errors collected for one dataflow. */
    private static final class Samples {
        final Values layerLatency = new Values();
        final Values layerEnergy = new Values();
        final Values modelLatency = new Values();
        final Values modelEnergy = new Values();
    }

    /** A growable array of doubles. */
    private static final class Values {
        private double[] v = new double[256];
        private int n;

        void add(double x) {
            if (n == v.length) {
                v = java.util.Arrays.copyOf(v, 2 * n);
            }
            v[n++] = x;
        }

        ErrorStats stats() {
            return ErrorStats.of(java.util.Arrays.copyOf(v, n));
        }
    }
}
