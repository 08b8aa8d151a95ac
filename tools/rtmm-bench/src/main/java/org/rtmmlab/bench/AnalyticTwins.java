package org.rtmmlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.json.PlatformFiles;

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
                Platform twin = new Platform("analytic-twin/" + p.id(), "analytic twin of " + p.id(),
                        p.accelerators().stream().map(AnalyticTwins::twin).toList());
                Path f = dir.resolve(p.id().replace('/', '_') + ".json");
                Files.writeString(f, PlatformFiles.format(twin, List.of()), StandardCharsets.UTF_8);
                files.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
