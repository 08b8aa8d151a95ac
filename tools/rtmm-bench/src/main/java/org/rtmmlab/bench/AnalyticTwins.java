package org.rtmmlab.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;

/**
 * Analytic twins of table platforms: the same accelerators (PE count, dataflow, clock, bandwidths, buffers, idle
 * power, partitions) priced by the {@code analytic} cost model instead of replayed MAESTRO tables, so every layer is
 * priced from its shape. Written as platform files (format: bundles/rtmm-json/README.md) for runs by file name.
 */
final class AnalyticTwins {

    private AnalyticTwins() {
    }

    /** @return {@code a} priced by the analytic model (the table attribute dropped) */
    static Accelerator twin(Accelerator a) {
        Map<String, String> attributes = new TreeMap<>(a.attributes());
        attributes.remove("table");
        return new Accelerator(a.id(), a.kind(), "analytic", a.peCount(), a.dataflow(), a.clockHz(), a.nocBandwidth(),
                a.offchipBandwidth(), a.l1Bytes(), a.l2Bytes(), a.idlePowerW(), a.partitions(), attributes);
    }

    /**
     * Writes one platform file per platform into {@code dir}, id {@code analytic-twin/<id>}.
     *
     * @return the files, in the order of {@code platforms}
     */
    static List<Path> write(Path dir, List<Platform> platforms) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Platform p : platforms) {
                JsonObject o = new JsonObject();
                o.addProperty("version", 1);
                o.addProperty("id", "analytic-twin/" + p.id());
                o.addProperty("description", "analytic twin of " + p.id());
                JsonArray accs = new JsonArray();
                for (Accelerator table : p.accelerators()) {
                    Accelerator a = twin(table);
                    JsonObject j = new JsonObject();
                    j.addProperty("id", a.id());
                    j.addProperty("kind", a.kind().name().toLowerCase(Locale.ROOT));
                    j.addProperty("costModel", a.costModel());
                    j.addProperty("peCount", a.peCount());
                    j.addProperty("dataflow", a.dataflow().name());
                    j.addProperty("clockMHz", a.clockHz() / 1e6);
                    j.addProperty("nocBandwidth", a.nocBandwidth());
                    j.addProperty("offchipBandwidth", a.offchipBandwidth());
                    j.addProperty("l1Bytes", a.l1Bytes());
                    j.addProperty("l2Bytes", a.l2Bytes());
                    j.addProperty("idlePowerW", a.idlePowerW());
                    j.addProperty("partitions", a.partitions());
                    JsonObject attributes = new JsonObject();
                    a.attributes().forEach(attributes::addProperty);
                    j.add("attributes", attributes);
                    accs.add(j);
                }
                o.add("accelerators", accs);
                Path f = dir.resolve(p.id().replace('/', '_') + ".json");
                Files.writeString(f, new GsonBuilder().setPrettyPrinting().create().toJson(o), StandardCharsets.UTF_8);
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
