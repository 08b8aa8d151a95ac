package org.rtmmlab.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * The sweep's aggregate files, written from the points' {@code summary.json} files (fresh or from an earlier run):
 * <ul>
 * <li>{@value #CSV}: long format, one row per point and figure: {@code point}, the dimensions, {@code figure},
 *     {@code value} (empty for a non-finite value);</li>
 * <li>{@value #SUMMARY}: counts, failed points, and the geometric mean of each headline figure per scheduler and per
 *     value of every dimension (over the points with a value &gt; 0; the others are counted);</li>
 * <li>{@code compare.html} (when the {@code html} reporter is installed): its comparison charts over the points,
 *     scheduler labels as schedulers and template instances as platforms, versus the sweep's baseline.</li>
 * </ul>
 * Rows and members follow the plan's point order, so the same finished points give byte-identical files.
 */
public final class SweepReport {

    /** Long-format CSV file name. */
    public static final String CSV = "sweep.csv";
    /** Aggregate summary file name. */
    public static final String SUMMARY = "summary.json";

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    /** The headline figures: name and how to read it from a result. */
    private static final Map<String, ToDoubleFunction<RunResult>> HEADLINE = new LinkedHashMap<>();

    static {
        HEADLINE.put("xrbench.score", r -> r.metric("xrbench.score"));
        HEADLINE.put("uxcost", r -> r.metric("uxcost"));
        HEADLINE.put("missRate", r -> r.frames().missRate());
        HEADLINE.put("energyMj", RunResult::energyMj);
    }

    private SweepReport() {
    }

    /**
     * Writes the CSV, summary and charts of the finished points of {@code plan} into {@code out}.
     *
     * @param failed   id -> error of the points that failed in this run
     * @param catalog  where the {@code html} reporter is looked up (null: no charts)
     * @param warnings receives a line if the charts fail
     * @return the number of points aggregated
     */
    public static int write(SweepPlan plan, ResultStore store, Map<String, String> failed, Path out,
                            PluginCatalog catalog, java.util.function.Consumer<String> warnings) throws IOException {
        List<SweepPoint> points = new ArrayList<>();
        List<RunResult> results = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            Path summary = store.pointDir(p.id()).resolve("summary.json");
            if (Files.isRegularFile(summary)) {
                points.add(p);
                results.add(SummaryReader.read(summary, p.config().reporters()));
            }
        }
        writeCsv(plan, points, results, out.resolve(CSV));
        writeSummary(plan, points, results, failed, out.resolve(SUMMARY));
        if (catalog != null && !results.isEmpty()) {
            MetricReporter html = catalog.find(PluginKind.REPORTER, "html").map(d -> (MetricReporter) d.plugin())
                    .orElse(null);
            if (html != null) {
                try {
                    html.writeComparison(labelled(points, results), plan.spec().baseline(), out);
                } catch (IOException | RuntimeException e) {
                    warnings.accept("compare.html not written: " + e);
                }
            }
        }
        return results.size();
    }

    private static void writeCsv(SweepPlan plan, List<SweepPoint> points, List<RunResult> results, Path file)
            throws IOException {
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(plan.dimensions());
        header.add("figure");
        header.add("value");
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
                     .setHeader(header.toArray(String[]::new)).get())) {
            for (int i = 0; i < points.size(); i++) {
                SweepPoint p = points.get(i);
                RunResult r = results.get(i);
                Map<String, Double> figures = new LinkedHashMap<>();
                HEADLINE.forEach((k, f) -> figures.put(k, f.applyAsDouble(r)));
                figures.put("frames.released", (double) r.frames().released());
                figures.put("frames.onTime", (double) r.frames().onTime());
                figures.put("frames.late", (double) r.frames().late());
                figures.put("frames.dropped", (double) r.frames().dropped());
                figures.put("frames.inFlight", (double) r.frames().inFlight());
                r.metrics().forEach(figures::putIfAbsent);
                for (Map.Entry<String, Double> f : figures.entrySet()) {
                    List<String> row = new ArrayList<>();
                    row.add(p.id());
                    for (String d : plan.dimensions()) {
                        row.add(p.dimensions().get(d));
                    }
                    row.add(f.getKey());
                    row.add(Double.isFinite(f.getValue()) ? Double.toString(f.getValue()) : "");
                    csv.printRecord(row);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeSummary(SweepPlan plan, List<SweepPoint> points, List<RunResult> results,
                                     Map<String, String> failed, Path file) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("version", SweepSpec.VERSION);
        o.addProperty("name", plan.spec().name());
        o.addProperty("labVersion", results.isEmpty() ? "" : results.get(0).labVersion());
        o.addProperty("points", plan.points().size());
        o.addProperty("done", results.size());
        JsonArray f = new JsonArray();
        for (SweepPoint p : plan.points()) {
            String error = failed.get(p.id());
            if (error != null) {
                JsonObject fo = new JsonObject();
                fo.addProperty("point", p.id());
                JsonObject dims = new JsonObject();
                p.dimensions().forEach(dims::addProperty);
                fo.add("dimensions", dims);
                fo.addProperty("error", error);
                f.add(fo);
            }
        }
        o.add("failed", f);
        o.addProperty("baseline", plan.spec().baseline());
        o.add("geomeanPerScheduler", geomeans(points, results, "scheduler"));
        JsonObject perDimension = new JsonObject();
        for (String d : plan.dimensions()) {
            perDimension.add(d, geomeans(points, results, d));
        }
        o.add("geomeanPerDimension", perDimension);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, PRETTY.toJson(o) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return per value of {@code dimension} (first-seen order): per headline figure its geometric mean */
    private static JsonObject geomeans(List<SweepPoint> points, List<RunResult> results, String dimension) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            groups.computeIfAbsent(points.get(i).dimensions().get(dimension), k -> new ArrayList<>())
                    .add(results.get(i));
        }
        JsonObject o = new JsonObject();
        groups.forEach((value, runs) -> {
            JsonObject figures = new JsonObject();
            HEADLINE.forEach((name, read) -> {
                double logSum = 0;
                int n = 0;
                int other = 0;
                for (RunResult r : runs) {
                    double v = read.applyAsDouble(r);
                    if (v > 0 && Double.isFinite(v)) {
                        logSum += Math.log(v);
                        n++;
                    } else {
                        other++;
                    }
                }
                JsonObject g = new JsonObject();
                g.add("geomean", n == 0 ? JsonNull.INSTANCE : number(Math.exp(logSum / n)));
                g.addProperty("n", n);
                g.addProperty("zeroOrMissing", other);
                figures.add(name, g);
            });
            o.add(value, figures);
        });
        return o;
    }

    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    /** @return the results with scheduler labels as schedulers and template instances named as platforms */
    private static List<RunResult> labelled(List<SweepPoint> points, List<RunResult> results) {
        List<RunResult> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            RunResult r = results.get(i);
            RunConfig c = r.config();
            String platform = p.inputs().stream().anyMatch(f -> f.content() != null && f.path().equals(c.platform()))
                    ? Path.of(c.platform()).getFileName().toString().replaceFirst("\\.json$", "") : c.platform();
            RunConfig relabelled = new RunConfig(c.scenario(), platform, p.dimensions().get("scheduler"), c.seed(),
                    c.durationNs(), c.xrbenchCompat(), c.properties(), c.reporters());
            out.add(new RunResult(relabelled, r.labVersion(), r.simulatedNs(), r.frames(), r.energyMj(), r.perTask(),
                    r.metrics()));
        }
        return out;
    }
}
